package dev.meerkat.dashboard.alerting.store;

/** Stored secrets cannot be opened with the configured key; the message names the setting. */
public final class SecretKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecretKeyException(String message) {
    super(message);
  }
}
