package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;

/** OTLP/gRPC trace service ({@code opentelemetry.proto.collector.trace.v1.TraceService}). */
public final class OtlpGrpcSpanService extends TraceServiceGrpc.TraceServiceImplBase
    implements OtlpGrpcService {

  private final OtlpGrpcReceiver<ExportTraceServiceRequest, ExportTraceServiceResponse> receiver;

  private OtlpGrpcSpanService(BatchSpanProcessor processor, IngestLimiter limiter) {
    this.receiver = new OtlpGrpcReceiver<>(new OtlpSpanIngest(processor, limiter));
  }

  public static OtlpGrpcSpanService create(BatchSpanProcessor processor, IngestLimiter limiter) {
    return new OtlpGrpcSpanService(processor, limiter);
  }

  @Override
  public void export(
      ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> responses) {
    receiver.export(request, responses);
  }

  @Override
  public ServerServiceDefinition definition() {
    return receiver.bind(bindService());
  }

  @Override
  public OtlpReceiverCounts counts() {
    return receiver.counts();
  }
}
