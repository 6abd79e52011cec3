package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.MetricPointRecord;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;

/** OTLP/gRPC metrics service ({@code opentelemetry.proto.collector.metrics.v1.MetricsService}). */
public final class OtlpGrpcMetricService extends MetricsServiceGrpc.MetricsServiceImplBase
    implements OtlpGrpcService {

  private final OtlpGrpcReceiver<ExportMetricsServiceRequest, ExportMetricsServiceResponse>
      receiver;

  private OtlpGrpcMetricService(
      BatchRecordProcessor<MetricPointRecord> processor, IngestLimiter limiter) {
    this.receiver = new OtlpGrpcReceiver<>(new OtlpMetricIngest(processor, limiter));
  }

  public static OtlpGrpcMetricService create(
      BatchRecordProcessor<MetricPointRecord> processor, IngestLimiter limiter) {
    return new OtlpGrpcMetricService(processor, limiter);
  }

  @Override
  public void export(
      ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> responses) {
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
