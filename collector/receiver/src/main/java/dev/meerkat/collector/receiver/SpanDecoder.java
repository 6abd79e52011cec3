package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanLink;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one OTLP {@code Span} straight into a {@link SpanRecord}, with the same fields, limits and
 * rejections as {@link OtlpSpanMapper}: the typed columns (method, route, status code, peer, sample
 * rate) come from all attributes, the stored attributes are the first ones, shortened.
 */
final class SpanDecoder {

  private static final int TRACE_ID = 1 << 3 | 2;
  private static final int SPAN_ID = 2 << 3 | 2;
  private static final int TRACE_STATE = 3 << 3 | 2;
  private static final int PARENT_SPAN_ID = 4 << 3 | 2;
  private static final int NAME = 5 << 3 | 2;
  private static final int KIND = 6 << 3;
  private static final int START = 7 << 3 | 1;
  private static final int END = 8 << 3 | 1;
  private static final int ATTRIBUTE = 9 << 3 | 2;
  private static final int DROPPED_ATTRIBUTES = 10 << 3;
  private static final int EVENT = 11 << 3 | 2;
  private static final int DROPPED_EVENTS = 12 << 3;
  private static final int LINK = 13 << 3 | 2;
  private static final int DROPPED_LINKS = 14 << 3;
  private static final int STATUS = 15 << 3 | 2;
  private static final int FLAGS = 16 << 3 | 5;
  private static final int STATUS_MESSAGE = 2 << 3 | 2;
  private static final int STATUS_CODE = 3 << 3;
  private static final SpanKind[] KINDS = SpanKind.values();
  private static final SpanStatus[] STATUSES = SpanStatus.values();

  private final DirectDecoding decoding;
  private final WireReader reader;
  private final KeyValueDecoder keyValues;
  private final SpanEventDecoder eventDecoder;
  private final SpanLinkDecoder linkDecoder;
  private final AttributeBuffer attributes = new AttributeBuffer();

  // The span being read; ids are slices of the request buffer until the span is kept.
  private long traceId;
  private long spanId;
  private long parentId;
  private String traceState;
  private String name;
  private int kind;
  private long start;
  private long end;
  private String statusMessage;
  private int statusCode;
  private List<SpanEvent> events;
  private int eventCount;
  private List<SpanLink> links;
  private int linkCount;

  SpanDecoder(DirectDecoding decoding) {
    this.decoding = decoding;
    this.reader = decoding.reader;
    this.keyValues = new KeyValueDecoder(decoding);
    this.eventDecoder = new SpanEventDecoder(decoding, keyValues);
    this.linkDecoder = new SpanLinkDecoder(decoding, keyValues);
  }

  KeyValueDecoder keyValues() {
    return keyValues;
  }

  /** Reads the span whose length the reader is at; the next {@link #record} or {@link #problem}. */
  void read() throws IOException {
    int outer = reader.enter();
    clear();
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case TRACE_ID -> traceId = reader.slice();
        case SPAN_ID -> spanId = reader.slice();
        case PARENT_SPAN_ID -> parentId = reader.slice();
        case TRACE_STATE -> traceState = reader.string(decoding.strings);
        case NAME -> name = reader.string(decoding.strings);
        case KIND -> kind = reader.enumValue();
        case START -> start = reader.fixed64();
        case END -> end = reader.fixed64();
        case ATTRIBUTE -> keyValues.read(attributes);
        case EVENT -> event();
        case LINK -> link();
        case STATUS -> status();
        case DROPPED_ATTRIBUTES, DROPPED_EVENTS, DROPPED_LINKS -> reader.uint32();
        case FLAGS -> reader.fixed32();
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
    decoding.counts.add(
        Truncation.EVENTS,
        eventCount - Math.min(eventCount, decoding.limiter.limits().maxEventsPerSpan()));
    decoding.counts.add(
        Truncation.LINKS,
        linkCount - Math.min(linkCount, decoding.limiter.limits().maxLinksPerSpan()));
  }

  private void clear() {
    traceId = 0;
    spanId = 0;
    parentId = 0;
    traceState = "";
    name = "";
    kind = 0;
    start = 0;
    end = 0;
    statusMessage = "";
    statusCode = 0;
    events = List.of();
    eventCount = 0;
    links = List.of();
    linkCount = 0;
    attributes.clear();
  }

  private void event() throws IOException {
    boolean kept = eventCount < decoding.limiter.limits().maxEventsPerSpan();
    SpanEvent event = eventDecoder.read(kept);
    eventCount++;
    if (kept) {
      events = eventCount == 1 ? new ArrayList<>() : events;
      events.add(event);
    }
  }

  private void link() throws IOException {
    boolean kept = linkCount < decoding.limiter.limits().maxLinksPerSpan();
    SpanLink link = linkDecoder.read(kept);
    linkCount++;
    if (kept) {
      links = linkCount == 1 ? new ArrayList<>() : links;
      links.add(link);
    }
  }

  private void status() throws IOException {
    int outer = reader.enter();
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case STATUS_MESSAGE -> statusMessage = reader.string(decoding.strings);
        case STATUS_CODE -> statusCode = reader.enumValue();
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
  }

  /** Why the span read last cannot be stored (as {@link OtlpSpanMapper} says it), or null. */
  String problem() {
    int traceIdLength = WireReader.lengthOf(traceId);
    if (traceIdLength != 16) {
      return "span '" + name + "' has a trace_id of " + traceIdLength + " bytes, expected 16";
    }
    int spanIdLength = WireReader.lengthOf(spanId);
    if (spanIdLength != 8) {
      return "span '" + name + "' has a span_id of " + spanIdLength + " bytes, expected 8";
    }
    return null;
  }

  /** The span read last as a record, in the given resource and scope. */
  SpanRecord record(ResourceContext resource, String scopeName, String scopeVersion) {
    double statusCodeAttribute =
        attributes.number(
            WellKnownKeys.HTTP_RESPONSE_STATUS_CODE,
            attributes.number(WellKnownKeys.HTTP_STATUS_CODE, 0));
    double sampleRate =
        attributes.number(
            WellKnownKeys.SAMPLE_RATE, attributes.number(WellKnownKeys.SAMPLING_RATE, 1.0));
    KeyValues kept = decoding.kept(attributes, Truncation.ATTRIBUTES);
    return new SpanRecord(
        start,
        Math.max(0, end - start),
        reader.hex(decoding.ids, traceId),
        reader.hex(decoding.ids, spanId),
        reader.hex(decoding.ids, parentId),
        traceState,
        resource.service(),
        name,
        kind >= 0 && kind < KINDS.length ? KINDS[kind] : SpanKind.UNSPECIFIED,
        statusCode >= 0 && statusCode < STATUSES.length ? STATUSES[statusCode] : SpanStatus.UNSET,
        statusMessage,
        attributes.firstText(WellKnownKeys.HTTP_REQUEST_METHOD, WellKnownKeys.HTTP_METHOD),
        attributes.text(WellKnownKeys.HTTP_ROUTE),
        statusCodeAttribute >= 0 && statusCodeAttribute <= 65535 ? (int) statusCodeAttribute : 0,
        attributes.firstText(WellKnownKeys.PEER_SERVICE, WellKnownKeys.SERVER_ADDRESS),
        sampleRate > 0 ? sampleRate : 1.0,
        kept.keys(),
        kept.values(),
        resource.attributes().keys(),
        resource.attributes().values(),
        scopeName,
        scopeVersion,
        events,
        links);
  }
}
