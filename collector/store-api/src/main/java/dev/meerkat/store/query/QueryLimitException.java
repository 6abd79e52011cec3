package dev.meerkat.store.query;

/**
 * A read query was refused or stopped by {@link QueryLimits}. The message is meant for the user who
 * asked: it names the limit, its setting and what to change.
 */
public final class QueryLimitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public QueryLimitException(String message) {
    super(message);
  }

  public QueryLimitException(String message, Throwable cause) {
    super(message, cause);
  }
}
