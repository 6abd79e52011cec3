package dev.meerkat.dashboard.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A missing or broken users file as a short startup message, not a stack trace. */
class AuthenticationSetupFailureAnalyzer
    extends AbstractFailureAnalyzer<AuthenticationSetupException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AuthenticationSetupException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set MEERKAT_AUTH_USERSFILE (meerkat.auth.users-file) to a users file as docs/security.md"
            + " describes, or MEERKAT_AUTH_ENABLED=false to switch sign-in off on a machine nobody"
            + " else can reach.",
        cause);
  }
}
