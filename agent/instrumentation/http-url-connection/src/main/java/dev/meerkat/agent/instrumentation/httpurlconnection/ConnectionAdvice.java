package dev.meerkat.agent.instrumentation.httpurlconnection;

import dev.meerkat.agent.bootstrap.httpurlconnection.HttpUrlConnectionBridge;
import dev.meerkat.agent.bootstrap.httpurlconnection.UrlConnectionHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into connect, getOutputStream and getInputStream. Only the outermost call on a thread
 * acts (getInputStream calls connect; getResponseCode calls getInputStream). The {@code connected}
 * field tells whether the headers can still be changed.
 */
final class ConnectionAdvice {
  private ConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static boolean enter(
      @Advice.This Object connection, @Advice.FieldValue("connected") boolean connected) {
    // Incremented first, unconditionally: exit always decrements.
    if (HttpUrlConnectionBridge.DEPTH.enter() != 0) {
      return false;
    }
    UrlConnectionHook hook = HttpUrlConnectionBridge.hook;
    if (hook != null) {
      hook.beforeConnect(connection, connected);
    }
    return true;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter boolean outermost,
      @Advice.This Object connection,
      @Advice.Origin("#m") String method,
      @Advice.Thrown Throwable error) {
    try {
      UrlConnectionHook hook = HttpUrlConnectionBridge.hook;
      // Still inside the depth guard: the hook calls getResponseCode, which re-enters here.
      if (outermost && hook != null) {
        hook.after(connection, method.equals("getInputStream"), error);
      }
    } finally {
      HttpUrlConnectionBridge.DEPTH.exit();
    }
  }
}
