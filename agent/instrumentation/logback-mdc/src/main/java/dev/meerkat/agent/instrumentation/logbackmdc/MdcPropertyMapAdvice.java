package dev.meerkat.agent.instrumentation.logbackmdc;

import dev.meerkat.agent.bootstrap.logbackmdc.LogbackMdcBridge;
import dev.meerkat.agent.bootstrap.logbackmdc.LogbackMdcHook;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code LoggingEvent.getMDCPropertyMap()}, which fills the event's MDC map on its
 * first call, on the logging thread (in the layout, or when an AsyncAppender prepares the event for
 * another thread). The map with the ids is stored back in the field, so later calls, on whatever
 * thread, return the same ids; a map that has a trace_id already is left alone.
 */
final class MdcPropertyMapAdvice {
  private MdcPropertyMapAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Return(readOnly = false) Map<String, String> mdc,
      @Advice.FieldValue(value = "mdcPropertyMap", readOnly = false) Map<String, String> field) {
    LogbackMdcHook hook = LogbackMdcBridge.hook;
    if (hook == null || (mdc != null && mdc.containsKey("trace_id"))) {
      return;
    }
    Map<String, String> withIds = hook.withTraceIds(mdc);
    if (withIds != mdc) {
      field = withIds;
      mdc = withIds;
    }
  }
}
