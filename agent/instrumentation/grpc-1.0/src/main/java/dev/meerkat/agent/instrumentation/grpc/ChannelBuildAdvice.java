package dev.meerkat.agent.instrumentation.grpc;

import dev.meerkat.agent.bootstrap.grpc.GrpcBridge;
import dev.meerkat.agent.bootstrap.grpc.GrpcHook;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ManagedChannelImplBuilder.build()}, where every channel builder (Netty,
 * shaded Netty, OkHttp transport, in-process) ends: adds the tracing interceptor once, first in the
 * list, so it runs last, next to the transport, and sees the final method and metadata.
 */
final class ChannelBuildAdvice {
  private ChannelBuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void enter(
      @Advice.This Object builder, @Advice.FieldValue("interceptors") List interceptors) {
    GrpcHook hook = GrpcBridge.hook;
    if (hook == null) {
      return;
    }
    Object interceptor = hook.clientInterceptor(builder.getClass());
    if (interceptor != null && !interceptors.contains(interceptor)) {
      interceptors.add(0, interceptor);
    }
  }
}
