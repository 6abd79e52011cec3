package dev.meerkat.agent.bootstrap.jedis;

import java.net.Socket;

/** Traces Jedis commands; parameters are JDK types (this interface cannot see Jedis). */
public interface JedisHook {
  /**
   * Starts the CLIENT span of one command: its name's bytes, its first argument's bytes (or null)
   * and the number of arguments. Returns the span state, or null when not traced.
   */
  Object start(byte[] command, byte[] firstArgument, int argumentCount);

  /** Ends the span; {@code socket} (the connection's, possibly null) gives the server address. */
  void end(Object call, Socket socket, Throwable error);
}
