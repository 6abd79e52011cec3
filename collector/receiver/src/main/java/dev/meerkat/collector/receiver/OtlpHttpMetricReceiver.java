package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.HttpResponse;
import dev.meerkat.collector.pipeline.BatchMetricProcessor;
import dev.meerkat.store.model.MetricPointRecord;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.util.List;

/** OTLP/HTTP metrics receiver ({@code POST /v1/metrics}, binary protobuf, optionally gzip). */
public final class OtlpHttpMetricReceiver extends OtlpHttpReceiver<ExportMetricsServiceRequest> {

  public static final String PATH = "/v1/metrics";

  private final BatchMetricProcessor processor;
  private final IngestLimiter limiter;

  private OtlpHttpMetricReceiver(
      BatchMetricProcessor processor, int maxBodyBytes, IngestLimiter limiter) {
    super(maxBodyBytes);
    this.processor = processor;
    this.limiter = limiter;
  }

  public static OtlpHttpMetricReceiver create(
      BatchMetricProcessor processor, int maxBodyBytes, IngestLimiter limiter) {
    return new OtlpHttpMetricReceiver(processor, maxBodyBytes, limiter);
  }

  @Override
  ExportMetricsServiceRequest parse(byte[] body) throws InvalidProtocolBufferException {
    return ExportMetricsServiceRequest.parseFrom(body);
  }

  @Override
  String messageName() {
    return "ExportMetricsServiceRequest";
  }

  @Override
  HttpResponse accept(ExportMetricsServiceRequest export) {
    List<MetricPointRecord> points = OtlpMetricMapper.map(export, limiter);
    counts.received.addAndGet(points.size());
    if (points.isEmpty()) {
      return OtlpHttpResponses.success(ExportMetricsServiceResponse.getDefaultInstance());
    }
    return HttpResponse.of(
        processor
            .offer(points)
            .thenApply(
                admission ->
                    switch (admission) {
                      case ACCEPTED ->
                          OtlpHttpResponses.success(
                              ExportMetricsServiceResponse.getDefaultInstance());
                      case RETRY_LATER ->
                          refused(points.size(), OtlpHttpResponses.busy("metric points"));
                      case TOO_LARGE ->
                          refused(
                              points.size(),
                              OtlpHttpResponses.tooLarge(
                                  "metric points", points.size(), processor.capacity()));
                    }));
  }

  private HttpResponse refused(int items, HttpResponse response) {
    counts.refused.addAndGet(items);
    return response;
  }
}
