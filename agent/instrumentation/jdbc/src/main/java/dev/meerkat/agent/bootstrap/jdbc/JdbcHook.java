package dev.meerkat.agent.bootstrap.jdbc;

/**
 * Traces JDBC statements. Parameters are {@code java.sql} objects passed as {@code Object}: on Java
 * 9+ {@code java.sql} is not in the bootstrap class loader, where this interface lives.
 */
public interface JdbcHook {
  /** Starts the span of {@code Statement.execute*(sql)}; returns the call, or null. */
  Object start(Object statement, String sql);

  /** Starts the span of a no-argument {@code execute*()} of a prepared or callable statement. */
  Object startPrepared(Object statement);

  /** Starts the span of {@code executeBatch()}/{@code executeLargeBatch()}. */
  Object startBatch(Object statement);

  /** Ends a call started above, failed when {@code error} is not null. */
  void end(Object call, Throwable error);

  /** {@code Connection.prepareStatement(sql...)} or {@code prepareCall(sql...)} returned. */
  void prepared(Object connection, Object statement, String sql);

  /**
   * {@code addBatch(sql)} of a plain statement, or {@code addBatch()} (sql null) of a prepared one.
   */
  void addBatch(Object statement, String sql);

  /** {@code clearBatch()}. */
  void clearBatch(Object statement);
}
