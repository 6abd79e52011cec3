package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.HttpResponse;
import dev.meerkat.collector.pipeline.BatchLogProcessor;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import java.time.Clock;
import java.time.Instant;

/** OTLP/HTTP logs receiver ({@code POST /v1/logs}, binary protobuf, optionally gzip). */
public final class OtlpHttpLogReceiver extends OtlpHttpReceiver<ExportLogsServiceRequest> {

  public static final String PATH = "/v1/logs";

  private final BatchLogProcessor processor;
  private final IngestLimiter limiter;
  private final Clock clock;

  private OtlpHttpLogReceiver(
      BatchLogProcessor processor, int maxBodyBytes, IngestLimiter limiter, Clock clock) {
    super(maxBodyBytes);
    this.processor = processor;
    this.limiter = limiter;
    this.clock = clock;
  }

  /** {@code clock} dates the records that carry neither time nor observed time. */
  public static OtlpHttpLogReceiver create(
      BatchLogProcessor processor, int maxBodyBytes, IngestLimiter limiter, Clock clock) {
    return new OtlpHttpLogReceiver(processor, maxBodyBytes, limiter, clock);
  }

  @Override
  ExportLogsServiceRequest parse(byte[] body) throws InvalidProtocolBufferException {
    return ExportLogsServiceRequest.parseFrom(body);
  }

  @Override
  String messageName() {
    return "ExportLogsServiceRequest";
  }

  @Override
  HttpResponse accept(ExportLogsServiceRequest export) {
    Instant now = clock.instant();
    OtlpLogMapper.Result result =
        OtlpLogMapper.map(export, limiter, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    counts.received.addAndGet(result.logs().size());
    if (result.logs().isEmpty()) {
      return success(result);
    }
    return HttpResponse.of(
        processor
            .offer(result.logs())
            .thenApply(
                admission ->
                    switch (admission) {
                      case ACCEPTED -> success(result);
                      case RETRY_LATER ->
                          refused(result.logs().size(), OtlpHttpResponses.busy("log records"));
                      case TOO_LARGE ->
                          refused(
                              result.logs().size(),
                              OtlpHttpResponses.tooLarge(
                                  "log records", result.logs().size(), processor.capacity()));
                    }));
  }

  private HttpResponse refused(int items, HttpResponse response) {
    counts.refused.addAndGet(items);
    return response;
  }

  private HttpResponse success(OtlpLogMapper.Result result) {
    ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
    if (result.rejected() > 0) {
      counts.rejected.addAndGet(result.rejected());
      response.setPartialSuccess(
          ExportLogsPartialSuccess.newBuilder()
              .setRejectedLogRecords(result.rejected())
              .setErrorMessage(result.firstRejection()));
    }
    return OtlpHttpResponses.success(response.build());
  }
}
