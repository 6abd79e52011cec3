package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meerkat.store.model.SpanRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.List;

/** The receiver's own OTLP -> {@link SpanRecord} decoding and mapping, for the benchmarks. */
public final class OtlpSpanMapping {

  // The collector's default limits, as a receiver applies them.
  private static final IngestLimiter LIMITER = IngestLimiter.create(IngestLimits.defaults());

  private OtlpSpanMapping() {}

  /** The mapped spans; fails when the mapper rejected any (a benchmark corpus has none). */
  public static List<SpanRecord> map(ExportTraceServiceRequest request) {
    return spans(OtlpSpanMapper.map(request, LIMITER));
  }

  /**
   * The spans of a protobuf export as the receivers decode it ({@link OtlpTraceDecoder}); fails
   * when any was rejected.
   */
  public static List<SpanRecord> decode(byte[] protobuf) throws InvalidProtocolBufferException {
    return spans(OtlpTraceDecoder.decode(protobuf, LIMITER));
  }

  private static List<SpanRecord> spans(OtlpSpanMapper.Result result) {
    if (result.rejected() != 0) {
      throw new IllegalArgumentException(
          result.rejected() + " spans rejected: " + result.firstRejection());
    }
    return result.spans();
  }
}
