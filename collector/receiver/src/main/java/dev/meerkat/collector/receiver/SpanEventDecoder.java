package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.SpanEvent;
import java.io.IOException;

/** Reads one OTLP {@code Span.Event} into a {@link SpanEvent} (attributes limited and counted). */
final class SpanEventDecoder {

  private static final int TIME = 1 << 3 | 1;
  private static final int NAME = 2 << 3 | 2;
  private static final int ATTRIBUTE = 3 << 3 | 2;
  private static final int DROPPED_ATTRIBUTES = 4 << 3;

  private final DirectDecoding decoding;
  private final WireReader reader;
  private final KeyValueDecoder keyValues;
  private final AttributeBuffer attributes = new AttributeBuffer();

  SpanEventDecoder(DirectDecoding decoding, KeyValueDecoder keyValues) {
    this.decoding = decoding;
    this.reader = decoding.reader;
    this.keyValues = keyValues;
  }

  /** The event whose length the reader is at; {@code null} (read, not built) when not kept. */
  SpanEvent read(boolean kept) throws IOException {
    int outer = reader.enter();
    long time = 0;
    String name = "";
    attributes.clear();
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case TIME -> time = reader.fixed64();
        case NAME -> name = reader.string(decoding.strings);
        case ATTRIBUTE -> keyValues.read(attributes);
        case DROPPED_ATTRIBUTES -> reader.uint32();
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
    if (!kept) {
      return null;
    }
    KeyValues stored = decoding.kept(attributes, Truncation.EVENT_ATTRIBUTES);
    return new SpanEvent(time, name, stored.keys(), stored.values());
  }
}
