package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.MetricPointRecord;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

/** OTLP/HTTP metrics receiver ({@code POST /v1/metrics}, protobuf or JSON, optionally gzip). */
public final class OtlpHttpMetricReceiver
    extends OtlpHttpReceiver<ExportMetricsServiceRequest, MetricPointRecord> {

  public static final String PATH = "/v1/metrics";

  private OtlpHttpMetricReceiver(
      BatchRecordProcessor<MetricPointRecord> processor, int maxBodyBytes, IngestLimiter limiter) {
    super(new OtlpMetricIngest(processor, limiter), maxBodyBytes);
  }

  public static OtlpHttpMetricReceiver create(
      BatchRecordProcessor<MetricPointRecord> processor, int maxBodyBytes, IngestLimiter limiter) {
    return new OtlpHttpMetricReceiver(processor, maxBodyBytes, limiter);
  }
}
