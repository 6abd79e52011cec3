package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meerkat.collector.pipeline.Admission;
import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.LogRecord;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Logs: {@link OtlpLogMapper} into the {@link BatchRecordProcessor<LogRecord>}. */
final class OtlpLogIngest extends OtlpIngest<ExportLogsServiceRequest, LogRecord> {

  private final BatchRecordProcessor<LogRecord> processor;
  private final IngestLimiter limiter;
  private final Clock clock;

  /** {@code clock} dates the records that carry neither time nor observed time. */
  OtlpLogIngest(BatchRecordProcessor<LogRecord> processor, IngestLimiter limiter, Clock clock) {
    this.processor = processor;
    this.limiter = limiter;
    this.clock = clock;
  }

  @Override
  String messageName() {
    return "ExportLogsServiceRequest";
  }

  @Override
  String itemName() {
    return "log records";
  }

  @Override
  ExportLogsServiceRequest parse(byte[] protobuf) throws InvalidProtocolBufferException {
    return ExportLogsServiceRequest.parseFrom(protobuf);
  }

  @Override
  Message.Builder newRequestBuilder() {
    return ExportLogsServiceRequest.newBuilder();
  }

  @Override
  Mapped<LogRecord> map(ExportLogsServiceRequest request) {
    Instant now = clock.instant();
    OtlpLogMapper.Result result =
        OtlpLogMapper.map(request, limiter, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    return new Mapped<>(result.logs(), result.rejected(), result.firstRejection());
  }

  @Override
  CompletableFuture<Admission> offer(List<LogRecord> items) {
    return processor.offer(items);
  }

  @Override
  int capacity() {
    return processor.capacity();
  }

  @Override
  Message response(int rejected, String firstRejection) {
    if (rejected == 0) {
      return ExportLogsServiceResponse.getDefaultInstance();
    }
    return ExportLogsServiceResponse.newBuilder()
        .setPartialSuccess(
            ExportLogsPartialSuccess.newBuilder()
                .setRejectedLogRecords(rejected)
                .setErrorMessage(firstRejection))
        .build();
  }
}
