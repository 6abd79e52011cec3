package dev.meerkat.dashboard.config;

/** Sign-in cannot be set up as configured; the message says what to set. */
final class AuthenticationSetupException extends RuntimeException {

  AuthenticationSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
