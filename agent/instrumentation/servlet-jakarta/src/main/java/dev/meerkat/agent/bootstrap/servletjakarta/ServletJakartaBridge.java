package dev.meerkat.agent.bootstrap.servletjakarta;

import dev.meerkat.agent.bootstrap.CallDepth;
import dev.meerkat.agent.bootstrap.servlet.ServletHook;

/** Bootstrap-zone state of the servlet-jakarta instrumentation, read by its advice. */
public final class ServletJakartaBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile ServletHook hook;

  /**
   * Only the outermost filter or servlet on a thread traces: filters call the next filter, the
   * servlet, forwards and includes on the same thread.
   */
  public static final CallDepth DEPTH = new CallDepth();

  private ServletJakartaBridge() {}
}
