package dev.meerkat.collector.receiver;

import io.grpc.ServerServiceDefinition;

/** One signal's OTLP/gRPC service, ready to be added to an {@link OtlpGrpcServer}. */
public interface OtlpGrpcService {

  /** The definition to bind, with decode failures answered {@code INVALID_ARGUMENT}. */
  ServerServiceDefinition definition();

  OtlpReceiverCounts counts();
}
