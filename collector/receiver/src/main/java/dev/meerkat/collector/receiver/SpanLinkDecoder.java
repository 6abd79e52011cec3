package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.SpanLink;
import java.io.IOException;

/** Reads one OTLP {@code Span.Link} into a {@link SpanLink} (attributes limited and counted). */
final class SpanLinkDecoder {

  private static final int TRACE_ID = 1 << 3 | 2;
  private static final int SPAN_ID = 2 << 3 | 2;
  private static final int TRACE_STATE = 3 << 3 | 2;
  private static final int ATTRIBUTE = 4 << 3 | 2;
  private static final int DROPPED_ATTRIBUTES = 5 << 3;
  private static final int FLAGS = 6 << 3 | 5;

  private final DirectDecoding decoding;
  private final WireReader reader;
  private final KeyValueDecoder keyValues;
  private final AttributeBuffer attributes = new AttributeBuffer();

  SpanLinkDecoder(DirectDecoding decoding, KeyValueDecoder keyValues) {
    this.decoding = decoding;
    this.reader = decoding.reader;
    this.keyValues = keyValues;
  }

  /** The link whose length the reader is at; {@code null} (read, not built) when not kept. */
  SpanLink read(boolean kept) throws IOException {
    int outer = reader.enter();
    long traceId = 0;
    long spanId = 0;
    String traceState = "";
    attributes.clear();
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case TRACE_ID -> traceId = reader.slice();
        case SPAN_ID -> spanId = reader.slice();
        case TRACE_STATE -> traceState = reader.string(decoding.strings);
        case ATTRIBUTE -> keyValues.read(attributes);
        case DROPPED_ATTRIBUTES -> reader.uint32();
        case FLAGS -> reader.fixed32();
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
    if (!kept) {
      return null;
    }
    KeyValues stored = decoding.kept(attributes, Truncation.LINK_ATTRIBUTES);
    return new SpanLink(
        reader.hex(decoding.ids, traceId),
        reader.hex(decoding.ids, spanId),
        traceState,
        stored.keys(),
        stored.values());
  }
}
