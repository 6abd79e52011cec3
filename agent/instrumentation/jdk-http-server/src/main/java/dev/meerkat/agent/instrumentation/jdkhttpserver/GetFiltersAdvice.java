package dev.meerkat.agent.instrumentation.jdkhttpserver;

import com.sun.net.httpserver.Filter;
import dev.meerkat.agent.bootstrap.jdkhttpserver.JdkHttpServerBridge;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpContextImpl.getFilters()}: puts the tracing filter first in the live list
 * (the same list applications add their filters to, so it must not be replaced by a copy).
 */
final class GetFiltersAdvice {
  private GetFiltersAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Return List<Filter> filters) {
    Object filter = JdkHttpServerBridge.filter;
    if (filter == null || filters == null) {
      return;
    }
    // The server calls getFilters once per exchange, concurrently: lock the list while checking.
    synchronized (filters) {
      if (filters.isEmpty() || filters.get(0) != filter) {
        filters.remove(filter);
        filters.add(0, (Filter) filter);
      }
    }
  }
}
