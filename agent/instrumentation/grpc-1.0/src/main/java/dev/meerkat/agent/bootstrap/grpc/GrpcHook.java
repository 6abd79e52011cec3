package dev.meerkat.agent.bootstrap.grpc;

/**
 * Traces gRPC calls. The advice asks it for the interceptors to add; the interceptors (helper
 * classes defined next to the application's gRPC classes) read gRPC's types and pass plain values
 * to the rest of it.
 */
public interface GrpcHook {
  /** The tracing ClientInterceptor for the gRPC that {@code grpcClass} belongs to, or null. */
  Object clientInterceptor(Class<?> grpcClass);

  /** The tracing ServerInterceptor for the gRPC that {@code grpcClass} belongs to, or null. */
  Object serverInterceptor(Class<?> grpcClass);

  /** The metadata keys the propagator reads and writes. */
  String[] propagationFields();

  /** Starts a CLIENT call, child of the current context; null when not traced. */
  Object startClient(String fullMethodName, String authority);

  /** The trace headers of a client call as name, value pairs. */
  String[] headers(Object call);

  /** Ends a client call with the gRPC status code and the status's cause. */
  void endClient(Object call, int statusCode, Throwable cause);

  /**
   * Starts a SERVER call whose parent comes from the metadata values of {@link
   * #propagationFields()} (same order, null when absent); null when not traced.
   */
  Object startServer(String fullMethodName, String authority, String[] fieldValues);

  /** Makes the server call's context current; returns what {@link #exit} takes. */
  Object enter(Object call);

  void exit(Object scope);

  /** Ends a server call with the gRPC status code and the status's cause. */
  void endServer(Object call, int statusCode, Throwable cause);
}
