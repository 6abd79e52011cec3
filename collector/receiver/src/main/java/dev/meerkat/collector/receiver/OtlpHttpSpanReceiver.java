package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.store.model.SpanRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** OTLP/HTTP trace receiver ({@code POST /v1/traces}, protobuf or JSON, optionally gzip). */
public final class OtlpHttpSpanReceiver
    extends OtlpHttpReceiver<ExportTraceServiceRequest, SpanRecord> {

  public static final String PATH = "/v1/traces";

  private OtlpHttpSpanReceiver(
      BatchSpanProcessor processor, int maxBodyBytes, IngestLimiter limiter) {
    super(new OtlpSpanIngest(processor, limiter), maxBodyBytes);
  }

  public static OtlpHttpSpanReceiver create(
      BatchSpanProcessor processor, int maxBodyBytes, IngestLimiter limiter) {
    return new OtlpHttpSpanReceiver(processor, maxBodyBytes, limiter);
  }
}
