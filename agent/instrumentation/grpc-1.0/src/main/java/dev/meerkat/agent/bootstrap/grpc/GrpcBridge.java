package dev.meerkat.agent.bootstrap.grpc;

/** Bootstrap-zone state of the grpc instrumentation, read by its advice and helper classes. */
public final class GrpcBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile GrpcHook hook;

  private GrpcBridge() {}
}
