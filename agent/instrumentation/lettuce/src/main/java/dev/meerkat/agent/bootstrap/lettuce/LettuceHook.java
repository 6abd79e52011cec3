package dev.meerkat.agent.bootstrap.lettuce;

import java.nio.ByteBuffer;

/** Traces Lettuce commands; parameters are JDK types or Lettuce objects passed as Object. */
public interface LettuceHook {
  /** {@code RedisClient} starts connecting, on this thread, to this server and database. */
  void connecting(String host, int port, int database);

  /** The connection object created while connecting on this thread. */
  void connected(Object connection);

  /** Connecting on this thread is over. */
  void connectingDone();

  /**
   * Starts the CLIENT span of a command dispatched on {@code connection}: its name's bytes, its
   * first key (or null) and its number of arguments. Returns the span state, or null.
   */
  Object start(Object connection, byte[] command, ByteBuffer firstKey, int argumentCount);

  /** Ends the span when the command's future completes (or now, when dispatch threw). */
  void end(Object call, Object future, Throwable error);
}
