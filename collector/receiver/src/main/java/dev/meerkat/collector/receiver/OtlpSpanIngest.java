package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meerkat.collector.pipeline.Admission;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.store.model.SpanRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Traces into the {@link BatchSpanProcessor}: protobuf through {@link OtlpTraceDecoder}, JSON
 * through the generated message and {@link OtlpSpanMapper}.
 */
final class OtlpSpanIngest extends OtlpIngest<ExportTraceServiceRequest, SpanRecord> {

  private final BatchSpanProcessor processor;
  private final IngestLimiter limiter;

  OtlpSpanIngest(BatchSpanProcessor processor, IngestLimiter limiter) {
    this.processor = processor;
    this.limiter = limiter;
  }

  @Override
  String messageName() {
    return "ExportTraceServiceRequest";
  }

  @Override
  String itemName() {
    return "spans";
  }

  @Override
  ExportTraceServiceRequest parse(byte[] protobuf) throws InvalidProtocolBufferException {
    return ExportTraceServiceRequest.parseFrom(protobuf);
  }

  /** Straight from the bytes to span records: see {@link OtlpTraceDecoder}. */
  @Override
  Mapped<SpanRecord> decode(byte[] protobuf) throws InvalidProtocolBufferException {
    OtlpSpanMapper.Result result = OtlpTraceDecoder.decode(protobuf, limiter);
    return new Mapped<>(result.spans(), result.rejected(), result.firstRejection());
  }

  @Override
  Message.Builder newRequestBuilder() {
    return ExportTraceServiceRequest.newBuilder();
  }

  @Override
  Mapped<SpanRecord> map(ExportTraceServiceRequest request) {
    OtlpSpanMapper.Result result = OtlpSpanMapper.map(request, limiter);
    return new Mapped<>(result.spans(), result.rejected(), result.firstRejection());
  }

  @Override
  CompletableFuture<Admission> offer(List<SpanRecord> items) {
    return processor.offer(items);
  }

  @Override
  int capacity() {
    return processor.capacity();
  }

  @Override
  Message response(int rejected, String firstRejection) {
    if (rejected == 0) {
      return ExportTraceServiceResponse.getDefaultInstance();
    }
    return ExportTraceServiceResponse.newBuilder()
        .setPartialSuccess(
            ExportTracePartialSuccess.newBuilder()
                .setRejectedSpans(rejected)
                .setErrorMessage(firstRejection))
        .build();
  }
}
