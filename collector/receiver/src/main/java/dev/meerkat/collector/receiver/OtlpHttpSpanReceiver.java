package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.HttpResponse;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/** OTLP/HTTP trace receiver ({@code POST /v1/traces}, binary protobuf, optionally gzip). */
public final class OtlpHttpSpanReceiver extends OtlpHttpReceiver<ExportTraceServiceRequest> {

  public static final String PATH = "/v1/traces";

  private final BatchSpanProcessor processor;
  private final IngestLimiter limiter;

  private OtlpHttpSpanReceiver(
      BatchSpanProcessor processor, int maxBodyBytes, IngestLimiter limiter) {
    super(maxBodyBytes);
    this.processor = processor;
    this.limiter = limiter;
  }

  public static OtlpHttpSpanReceiver create(
      BatchSpanProcessor processor, int maxBodyBytes, IngestLimiter limiter) {
    return new OtlpHttpSpanReceiver(processor, maxBodyBytes, limiter);
  }

  @Override
  ExportTraceServiceRequest parse(byte[] body) throws InvalidProtocolBufferException {
    return ExportTraceServiceRequest.parseFrom(body);
  }

  @Override
  String messageName() {
    return "ExportTraceServiceRequest";
  }

  @Override
  HttpResponse accept(ExportTraceServiceRequest export) {
    OtlpSpanMapper.Result result = OtlpSpanMapper.map(export, limiter);
    counts.received.addAndGet(result.spans().size());
    if (result.spans().isEmpty()) {
      return success(result);
    }
    return HttpResponse.of(
        processor
            .offer(result.spans())
            .thenApply(
                admission ->
                    switch (admission) {
                      case ACCEPTED -> success(result);
                      case RETRY_LATER ->
                          refused(result.spans().size(), OtlpHttpResponses.busy("spans"));
                      case TOO_LARGE ->
                          refused(
                              result.spans().size(),
                              OtlpHttpResponses.tooLarge(
                                  "spans", result.spans().size(), processor.capacity()));
                    }));
  }

  private HttpResponse refused(int items, HttpResponse response) {
    counts.refused.addAndGet(items);
    return response;
  }

  private HttpResponse success(OtlpSpanMapper.Result result) {
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (result.rejected() > 0) {
      counts.rejected.addAndGet(result.rejected());
      response.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(result.rejected())
              .setErrorMessage(result.firstRejection()));
    }
    return OtlpHttpResponses.success(response.build());
  }
}
