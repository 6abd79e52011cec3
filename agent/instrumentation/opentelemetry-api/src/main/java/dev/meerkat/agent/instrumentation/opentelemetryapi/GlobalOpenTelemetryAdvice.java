package dev.meerkat.agent.instrumentation.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into the application's {@code GlobalOpenTelemetry.get()} and {@code getOrNoop()}: after
 * the original ran (so its own state, such as the noop it registers, is unchanged), returns the
 * bridge to the agent unless the application registered its own OpenTelemetry with traces.
 */
final class GlobalOpenTelemetryAdvice {
  private GlobalOpenTelemetryAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Origin Class<?> type,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object openTelemetry) {
    openTelemetry = OpenTelemetryApiBridge.openTelemetry(type, openTelemetry);
  }
}
