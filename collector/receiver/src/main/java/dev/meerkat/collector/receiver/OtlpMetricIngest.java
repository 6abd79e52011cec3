package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meerkat.collector.pipeline.Admission;
import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.MetricPointRecord;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Metrics: {@link OtlpMetricMapper} into the {@link BatchRecordProcessor<MetricPointRecord>}. */
final class OtlpMetricIngest extends OtlpIngest<ExportMetricsServiceRequest, MetricPointRecord> {

  private final BatchRecordProcessor<MetricPointRecord> processor;
  private final IngestLimiter limiter;

  OtlpMetricIngest(BatchRecordProcessor<MetricPointRecord> processor, IngestLimiter limiter) {
    this.processor = processor;
    this.limiter = limiter;
  }

  @Override
  String messageName() {
    return "ExportMetricsServiceRequest";
  }

  @Override
  String itemName() {
    return "metric points";
  }

  @Override
  ExportMetricsServiceRequest parse(byte[] protobuf) throws InvalidProtocolBufferException {
    return ExportMetricsServiceRequest.parseFrom(protobuf);
  }

  @Override
  Message.Builder newRequestBuilder() {
    return ExportMetricsServiceRequest.newBuilder();
  }

  @Override
  Mapped<MetricPointRecord> map(ExportMetricsServiceRequest request) {
    return new Mapped<>(OtlpMetricMapper.map(request, limiter), 0, "");
  }

  @Override
  CompletableFuture<Admission> offer(List<MetricPointRecord> items) {
    return processor.offer(items);
  }

  @Override
  int capacity() {
    return processor.capacity();
  }

  @Override
  Message response(int rejected, String firstRejection) {
    if (rejected == 0) {
      return ExportMetricsServiceResponse.getDefaultInstance();
    }
    return ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(
            ExportMetricsPartialSuccess.newBuilder()
                .setRejectedDataPoints(rejected)
                .setErrorMessage(firstRejection))
        .build();
  }
}
