package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.store.model.SpanRecord;
import io.grpc.ServerServiceDefinition;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;

/** OTLP/gRPC trace service ({@code opentelemetry.proto.collector.trace.v1.TraceService}). */
public final class OtlpGrpcSpanService implements OtlpGrpcService {

  private final OtlpGrpcReceiver<SpanRecord> receiver;

  private OtlpGrpcSpanService(BatchSpanProcessor processor, IngestLimiter limiter) {
    this.receiver = new OtlpGrpcReceiver<>(new OtlpSpanIngest(processor, limiter));
  }

  public static OtlpGrpcSpanService create(BatchSpanProcessor processor, IngestLimiter limiter) {
    return new OtlpGrpcSpanService(processor, limiter);
  }

  @Override
  public ServerServiceDefinition definition() {
    return receiver.bind(TraceServiceGrpc.getExportMethod());
  }

  @Override
  public OtlpReceiverCounts counts() {
    return receiver.counts();
  }
}
