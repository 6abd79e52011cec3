package dev.meerkat.agent.instrumentation.grpc;

import dev.meerkat.agent.bootstrap.grpc.GrpcBridge;
import dev.meerkat.agent.bootstrap.grpc.GrpcHook;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ServerImplBuilder.build()}, where every server builder ends: adds the tracing
 * interceptor once, last in the list, so it runs first and the application's own interceptors and
 * handlers run in the server span's context.
 */
final class ServerBuildAdvice {
  private ServerBuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void enter(
      @Advice.This Object builder, @Advice.FieldValue("interceptors") List interceptors) {
    GrpcHook hook = GrpcBridge.hook;
    if (hook == null) {
      return;
    }
    Object interceptor = hook.serverInterceptor(builder.getClass());
    if (interceptor != null && !interceptors.contains(interceptor)) {
      interceptors.add(interceptor);
    }
  }
}
