package dev.meerkat.collector;

/**
 * The OTLP/gRPC receiver's settings; its message size limit is the collector's max body bytes.
 *
 * @param port the port to listen on (4317 by default; 0 for any free port)
 */
public record OtlpGrpcSettings(int port) {

  public static OtlpGrpcSettings defaults() {
    return new OtlpGrpcSettings(4317);
  }
}
