package dev.meerkat.agent.bootstrap.jedis;

import dev.meerkat.agent.bootstrap.CallDepth;

/** Bootstrap-zone state of the jedis instrumentation, read by its advice. */
public final class JedisBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile JedisHook hook;

  /**
   * One command = one span: executeCommand calls sendCommand and reads the reply, the String and
   * byte[] overloads call each other, and connecting (3.x) sends AUTH and SELECT and reads their
   * replies from within a command.
   */
  public static final CallDepth DEPTH = new CallDepth();

  private JedisBridge() {}
}
