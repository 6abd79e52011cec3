package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes an OTLP {@code ExportTraceServiceRequest} from its protobuf bytes straight into span
 * records, without protobuf-java's message objects (a {@code KeyValue}, an {@code AnyValue}, their
 * strings and a boxed number per attribute: about 4 KB per span), with the same result as {@code
 * parseFrom} followed by {@link OtlpSpanMapper} and the same {@link InvalidProtocolBufferException}
 * for malformed input. Requests in an unusual field order take that generated path instead.
 *
 * <p>A decoder with its per-request string tables ({@link DirectDecoding}, about 300 KB) serves one
 * request at a time and is pooled: as many exist as requests are decoded at once, and a few are
 * kept between requests, however many threads the receivers' executors grow to.
 */
final class OtlpTraceDecoder {

  private static final int RESOURCE_SPANS = 1 << 3 | 2;

  private static final int MAX_IDLE = 2 * Runtime.getRuntime().availableProcessors();
  private static final Queue<OtlpTraceDecoder> IDLE = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

  private final DirectDecoding decoding = new DirectDecoding();
  private final ResourceSpansDecoder resourceSpans = new ResourceSpansDecoder(decoding);
  private final ResourceSpansDecoder.Sink sink = new ResourceSpansDecoder.Sink();

  private OtlpTraceDecoder() {}

  static OtlpSpanMapper.Result decode(byte[] body, IngestLimiter limiter)
      throws InvalidProtocolBufferException {
    OtlpTraceDecoder decoder = IDLE.poll();
    if (decoder == null) {
      decoder = new OtlpTraceDecoder();
    } else {
      IDLE_COUNT.decrementAndGet();
    }
    try {
      return decoder.decodeRequest(body, limiter);
    } finally {
      if (IDLE_COUNT.incrementAndGet() <= MAX_IDLE) {
        IDLE.offer(decoder);
      } else {
        IDLE_COUNT.decrementAndGet();
      }
    }
  }

  private OtlpSpanMapper.Result decodeRequest(byte[] body, IngestLimiter limiter)
      throws InvalidProtocolBufferException {
    decoding.start(body, limiter);
    sink.records = new ArrayList<>();
    sink.rejected = 0;
    sink.firstRejection = "";
    try {
      WireReader reader = decoding.reader;
      for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
        if (tag == RESOURCE_SPANS) {
          resourceSpans.read(sink);
        } else {
          reader.skip(tag);
        }
      }
      // Only a request that decoded whole counts its truncations, as with parseFrom first.
      decoding.counts.addTo(limiter);
      return new OtlpSpanMapper.Result(sink.records, sink.rejected, sink.firstRejection);
    } catch (ResourceSpansDecoder.OutOfOrderException e) {
      return OtlpSpanMapper.map(ExportTraceServiceRequest.parseFrom(body), limiter);
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      // A CodedInputStream over an array throws nothing else; kept as the same failure type.
      throw new InvalidProtocolBufferException(e);
    } finally {
      sink.records = null;
      decoding.release();
    }
  }
}
