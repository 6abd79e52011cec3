package dev.meerkat.agent.instrumentation.grpc;

import dev.meerkat.agent.tooling.InstrumentationContext;

/**
 * One helper interceptor instance per gRPC class loader. A {@link ClassValue} keyed on the builder
 * class holds it: the value lives with that class, so an application's class loader can still be
 * unloaded (a map from class loader to interceptor would keep it alive).
 */
final class HelperInterceptors extends ClassValue<Object> {
  private final InstrumentationContext context;
  private final ClassLoader agentLoader;
  private final String helper;

  HelperInterceptors(InstrumentationContext context, ClassLoader agentLoader, String helper) {
    this.context = context;
    this.agentLoader = agentLoader;
    this.helper = helper;
  }

  @Override
  protected Object computeValue(Class<?> grpcClass) {
    if (!context.isActive()) {
      return null;
    }
    try {
      return new HelperClassLoader(grpcClass.getClassLoader(), agentLoader).newInstance(helper);
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }
}
