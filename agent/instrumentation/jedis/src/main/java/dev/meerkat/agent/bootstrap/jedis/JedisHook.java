package dev.meerkat.agent.bootstrap.jedis;

import java.net.Socket;

/** Traces Jedis commands; parameters are JDK types (this interface cannot see Jedis). */
public interface JedisHook {
  /**
   * Starts the CLIENT span of one command: its name's bytes, its first argument's bytes (or null)
   * and the number of arguments. Returns the span state, or null when not traced.
   */
  Object start(byte[] command, byte[] firstArgument, int argumentCount);

  /**
   * Ends the span of a command whose reply was read within the call ({@code executeCommand});
   * {@code socket} (the connection's, possibly null) gives the server address.
   */
  void end(Object call, Socket socket, Throwable error);

  /**
   * A command was written ({@code sendCommand}); its reply is read by a later call on this thread.
   * The span waits for it (or ends now, when the write failed).
   */
  void sent(Object call, Socket socket, Throwable error);

  /** The oldest reply awaited on this thread was read (or failed): its span ends. */
  void replied(Throwable error);

  /** A connection was closed on this thread: spans still awaiting replies here end. */
  void disconnected();
}
