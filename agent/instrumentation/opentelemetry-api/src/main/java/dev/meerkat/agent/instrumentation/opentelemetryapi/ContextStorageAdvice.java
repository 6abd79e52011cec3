package dev.meerkat.agent.instrumentation.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into the application's {@code ContextStorage.get()}, through which {@code
 * Context.current()} and {@code Context.makeCurrent()} go: returns the bridge storage instead.
 * Typed as Object: the advice may not name the application's OpenTelemetry classes (the shade step
 * would relocate the names); the dynamic return typing casts to the method's own return type.
 */
final class ContextStorageAdvice {
  private ContextStorageAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Origin Class<?> type,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object storage) {
    storage = OpenTelemetryApiBridge.contextStorage(type, storage);
  }
}
