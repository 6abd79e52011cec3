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

  private OtlpHttpSpanReceiver(BatchSpanProcessor processor, int maxBodyBytes) {
    super(maxBodyBytes);
    this.processor = processor;
  }

  public static OtlpHttpSpanReceiver create(BatchSpanProcessor processor, int maxBodyBytes) {
    return new OtlpHttpSpanReceiver(processor, maxBodyBytes);
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
    OtlpSpanMapper.Result result = OtlpSpanMapper.map(export);
    counts.received.addAndGet(result.spans().size());
    if (!result.spans().isEmpty() && !processor.offer(result.spans())) {
      counts.refused.addAndGet(result.spans().size());
      return OtlpHttpResponses.busy("spans");
    }
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
