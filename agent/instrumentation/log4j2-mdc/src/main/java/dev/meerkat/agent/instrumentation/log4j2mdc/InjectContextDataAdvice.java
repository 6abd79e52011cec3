package dev.meerkat.agent.instrumentation.log4j2mdc;

import dev.meerkat.agent.bootstrap.log4j2mdc.Log4j2MdcBridge;
import dev.meerkat.agent.bootstrap.log4j2mdc.Log4j2MdcHook;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/**
 * Inlined into {@code injectContextData(List<Property>, StringMap)} of log4j-core's
 * ThreadContextDataInjector implementations, which build each event's context data on the logging
 * thread (async loggers included). The ids go into the event's own map when that is what the
 * injector returned; any other map (ThreadContext's own, or a frozen one) is copied first, so
 * ThreadContext itself never changes.
 */
final class InjectContextDataAdvice {
  private InjectContextDataAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Argument(1) StringMap reusable, @Advice.Return(readOnly = false) StringMap data) {
    Log4j2MdcHook hook = Log4j2MdcBridge.hook;
    if (hook == null || data == null || data.containsKey("trace_id")) {
      return;
    }
    String[] ids = hook.currentIds();
    if (ids == null) {
      return;
    }
    StringMap target = data;
    if (data != reusable || data.isFrozen()) {
      target = new SortedArrayStringMap(data);
    }
    target.putValue("trace_id", ids[0]);
    target.putValue("span_id", ids[1]);
    target.putValue("trace_flags", ids[2]);
    data = target;
  }
}
