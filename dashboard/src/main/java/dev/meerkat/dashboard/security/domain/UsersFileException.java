package dev.meerkat.dashboard.security.domain;

/** The users file cannot be used; the message names the file, the line and what is wrong. */
public final class UsersFileException extends RuntimeException {

  public UsersFileException(String message) {
    super(message);
  }

  public UsersFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
