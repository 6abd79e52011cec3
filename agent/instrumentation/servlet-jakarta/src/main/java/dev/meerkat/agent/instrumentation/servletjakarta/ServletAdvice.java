package dev.meerkat.agent.instrumentation.servletjakarta;

import dev.meerkat.agent.bootstrap.servlet.ServletHook;
import dev.meerkat.agent.bootstrap.servletjakarta.ServletJakartaBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every {@code Filter.doFilter} and {@code Servlet.service} implementation: the
 * outermost one on a thread starts and ends the request's span.
 */
final class ServletAdvice {
  private ServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response) {
    // Incremented first, unconditionally: exit always decrements.
    if (ServletJakartaBridge.DEPTH.enter() != 0) {
      return null;
    }
    ServletHook hook = ServletJakartaBridge.hook;
    return hook == null ? null : hook.enter(request, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object state,
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object response,
      @Advice.Thrown Throwable error) {
    ServletJakartaBridge.DEPTH.exit();
    ServletHook hook = ServletJakartaBridge.hook;
    if (state != null && hook != null) {
      hook.exit(state, request, response, error);
    }
  }
}
