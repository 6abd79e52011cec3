package dev.meerkat.agent.instrumentation.grpc;

import dev.meerkat.agent.tooling.HelperClassLoader;
import dev.meerkat.agent.tooling.InstrumentationContext;

/**
 * One helper interceptor instance per gRPC class loader. A {@link ClassValue} keyed on the builder
 * class holds it: the value lives with that class, so an application's class loader can still be
 * unloaded (a map from class loader to interceptor would keep it alive).
 */
final class HelperInterceptors extends ClassValue<Object> {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.grpc.helper.";

  /** The helper classes, nested ones included (each gRPC class loader gets its own copies). */
  private static final String[] HELPERS = {
    PACKAGE + "TracingClientInterceptor",
    PACKAGE + "TracingClientInterceptor$TracingClientCall",
    PACKAGE + "TracingClientInterceptor$TracingListener",
    PACKAGE + "TracingServerInterceptor",
    PACKAGE + "TracingServerInterceptor$TracingServerCall",
    PACKAGE + "TracingServerInterceptor$TracingListener"
  };

  private final InstrumentationContext context;
  private final ClassLoader agentLoader;
  private final String helper;

  HelperInterceptors(InstrumentationContext context, ClassLoader agentLoader, String helper) {
    this.context = context;
    this.agentLoader = agentLoader;
    this.helper = PACKAGE + helper;
  }

  @Override
  protected Object computeValue(Class<?> grpcClass) {
    if (!context.isActive()) {
      return null;
    }
    try {
      return new HelperClassLoader(grpcClass.getClassLoader(), agentLoader, HELPERS)
          .newInstance(helper);
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }
}
