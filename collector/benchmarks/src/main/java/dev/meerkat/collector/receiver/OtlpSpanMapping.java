package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.SpanRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.List;

/** The receiver's own OTLP -> {@link SpanRecord} mapping, for the benchmarks. */
public final class OtlpSpanMapping {

  // The collector's default limits, as a receiver applies them.
  private static final IngestLimiter LIMITER = IngestLimiter.create(IngestLimits.defaults());

  private OtlpSpanMapping() {}

  /** The mapped spans; fails when the mapper rejected any (a benchmark corpus has none). */
  public static List<SpanRecord> map(ExportTraceServiceRequest request) {
    OtlpSpanMapper.Result result = OtlpSpanMapper.map(request, LIMITER);
    if (result.rejected() != 0) {
      throw new IllegalArgumentException(
          result.rejected() + " spans rejected: " + result.firstRejection());
    }
    return result.spans();
  }
}
