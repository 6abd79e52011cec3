package dev.meerkat.agent.bootstrap.jdbc;

import dev.meerkat.agent.bootstrap.CallDepth;

/** Bootstrap-zone state of the jdbc instrumentation, read by its advice. */
public final class JdbcBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile JdbcHook hook;

  /**
   * One statement call = one span: a pool's proxy statement (HikariCP's) delegates to the driver's
   * statement, and drivers delegate between their own overloads. Also guards addBatch/clearBatch,
   * so only the outermost statement's batch is counted.
   */
  public static final CallDepth DEPTH = new CallDepth();

  private JdbcBridge() {}
}
