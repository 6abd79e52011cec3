package dev.meerkat.dashboard.security.web;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password: too many failures for the user or address. */
public final class SignInLockedException extends AuthenticationException {

  private final Duration remaining;

  SignInLockedException(Duration remaining) {
    super("Too many failed sign-ins; try again in " + minutes(remaining) + " min");
    this.remaining = remaining;
  }

  public Duration remaining() {
    return remaining;
  }

  /** Whole minutes, rounded up, so that "0 min" is never shown. */
  static long minutes(Duration remaining) {
    return (remaining.toSeconds() + 59) / 60;
  }
}
