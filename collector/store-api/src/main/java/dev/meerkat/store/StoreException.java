package dev.meerkat.store;

/**
 * A ClickHouse operation failed. The message carries the server's own error text when there is one.
 * {@link #retryable()} tells callers whether the same operation may succeed later (server
 * unreachable, timeout, overload) or will fail again (syntax, types, unknown table).
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public StoreException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public StoreException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  /** Whether retrying the same operation later may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
