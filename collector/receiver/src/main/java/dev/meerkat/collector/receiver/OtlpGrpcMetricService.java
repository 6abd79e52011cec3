package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.MetricPointRecord;
import io.grpc.ServerServiceDefinition;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;

/** OTLP/gRPC metrics service ({@code opentelemetry.proto.collector.metrics.v1.MetricsService}). */
public final class OtlpGrpcMetricService implements OtlpGrpcService {

  private final OtlpGrpcReceiver<MetricPointRecord> receiver;

  private OtlpGrpcMetricService(
      BatchRecordProcessor<MetricPointRecord> processor, IngestLimiter limiter) {
    this.receiver = new OtlpGrpcReceiver<>(new OtlpMetricIngest(processor, limiter));
  }

  public static OtlpGrpcMetricService create(
      BatchRecordProcessor<MetricPointRecord> processor, IngestLimiter limiter) {
    return new OtlpGrpcMetricService(processor, limiter);
  }

  @Override
  public ServerServiceDefinition definition() {
    return receiver.bind(MetricsServiceGrpc.getExportMethod());
  }

  @Override
  public OtlpReceiverCounts counts() {
    return receiver.counts();
  }
}
