package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.LogRecord;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import java.time.Clock;

/** OTLP/HTTP logs receiver ({@code POST /v1/logs}, protobuf or JSON, optionally gzip). */
public final class OtlpHttpLogReceiver
    extends OtlpHttpReceiver<ExportLogsServiceRequest, LogRecord> {

  public static final String PATH = "/v1/logs";

  private OtlpHttpLogReceiver(
      BatchRecordProcessor<LogRecord> processor,
      int maxBodyBytes,
      IngestLimiter limiter,
      Clock clock) {
    super(new OtlpLogIngest(processor, limiter, clock), maxBodyBytes);
  }

  /** {@code clock} dates the records that carry neither time nor observed time. */
  public static OtlpHttpLogReceiver create(
      BatchRecordProcessor<LogRecord> processor,
      int maxBodyBytes,
      IngestLimiter limiter,
      Clock clock) {
    return new OtlpHttpLogReceiver(processor, maxBodyBytes, limiter, clock);
  }
}
