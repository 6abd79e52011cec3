package dev.meerkat.dashboard.config;

/** The dashboard cannot start because the ClickHouse store is missing or unreachable. */
public final class StorageUnavailableException extends RuntimeException {

  StorageUnavailableException(String message) {
    super(message);
  }

  StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
