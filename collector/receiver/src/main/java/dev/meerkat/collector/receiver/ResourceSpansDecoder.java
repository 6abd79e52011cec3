package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.SpanRecord;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.util.List;

/**
 * Reads one OTLP {@code ResourceSpans} with its {@code ScopeSpans}, adding the spans to a list and
 * counting rejections. Spans are built while they are read, so the resource must come before the
 * scope spans and a scope before its spans: the order every protobuf serializer writes (fields by
 * number). In any other order {@link OutOfOrderException} sends the request to the generated
 * parser.
 */
final class ResourceSpansDecoder {

  private static final int RESOURCE = 1 << 3 | 2;
  private static final int SCOPE_SPANS = 2 << 3 | 2;
  private static final int SCHEMA_URL = 3 << 3 | 2;
  private static final int RESOURCE_ATTRIBUTE = 1 << 3 | 2;
  private static final int RESOURCE_DROPPED_ATTRIBUTES = 2 << 3;
  private static final int RESOURCE_ENTITY_REF = 3 << 3 | 2;
  private static final int SCOPE = 1 << 3 | 2;
  private static final int SPAN = 2 << 3 | 2;
  private static final int SCOPE_NAME = 1 << 3 | 2;
  private static final int SCOPE_VERSION = 2 << 3 | 2;
  private static final int SCOPE_ATTRIBUTE = 3 << 3 | 2;
  private static final int SCOPE_DROPPED_ATTRIBUTES = 4 << 3;

  /** The fields came in an order the direct decoder does not handle. */
  static final class OutOfOrderException extends Exception {
    private static final long serialVersionUID = 1L;

    OutOfOrderException() {
      super("resource or scope after spans", null, false, false);
    }
  }

  private static final OutOfOrderException OUT_OF_ORDER = new OutOfOrderException();

  private final DirectDecoding decoding;
  private final WireReader reader;
  private final SpanDecoder spans;
  private final AttributeBuffer resource = new AttributeBuffer();

  // The ScopeSpans being read.
  private String scopeName;
  private String scopeVersion;

  ResourceSpansDecoder(DirectDecoding decoding) {
    this.decoding = decoding;
    this.reader = decoding.reader;
    this.spans = new SpanDecoder(decoding);
  }

  /** The spans that decoded, how many were rejected and the first reason; cleared per request. */
  static final class Sink {
    List<SpanRecord> records;
    int rejected;
    String firstRejection = "";
  }

  void read(Sink sink) throws IOException, OutOfOrderException {
    int outer = reader.enter();
    resource.clear();
    ResourceContext context = null;
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case RESOURCE -> {
          if (context != null) {
            throw OUT_OF_ORDER;
          }
          resource();
        }
        case SCOPE_SPANS -> {
          context = context == null ? context() : context;
          scopeSpans(context, sink);
        }
        case SCHEMA_URL -> reader.string(decoding.strings);
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
    if (context == null) {
      context(); // resource attributes are counted once per resource, even without spans
    }
  }

  private void resource() throws IOException {
    int outer = reader.enter();
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case RESOURCE_ATTRIBUTE -> spans.keyValues().read(resource);
        case RESOURCE_DROPPED_ATTRIBUTES -> reader.uint32();
        case RESOURCE_ENTITY_REF -> reader.message(EntityRef.parser()); // validated, not stored
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
  }

  private ResourceContext context() {
    String service = resource.text(WellKnownKeys.SERVICE_NAME);
    KeyValues attributes = decoding.kept(resource, Truncation.RESOURCE_ATTRIBUTES);
    decoding.counts.keepPending();
    return new ResourceContext(
        service.isEmpty() ? OtlpSpanMapper.UNKNOWN_SERVICE : service, attributes);
  }

  private void scopeSpans(ResourceContext context, Sink sink)
      throws IOException, OutOfOrderException {
    int outer = reader.enter();
    scopeName = "";
    scopeVersion = "";
    boolean spansSeen = false;
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case SCOPE -> {
          if (spansSeen) {
            throw OUT_OF_ORDER;
          }
          scope();
        }
        case SPAN -> {
          spansSeen = true;
          span(context, sink);
        }
        case SCHEMA_URL -> reader.string(decoding.strings);
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
  }

  private void scope() throws IOException {
    int outer = reader.enter();
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      switch (tag) {
        case SCOPE_NAME -> scopeName = reader.string(decoding.strings);
        case SCOPE_VERSION -> scopeVersion = reader.string(decoding.strings);
        case SCOPE_ATTRIBUTE -> reader.message(KeyValue.parser()); // validated, not stored
        case SCOPE_DROPPED_ATTRIBUTES -> reader.uint32();
        default -> reader.skip(tag);
      }
    }
    reader.leave(outer);
  }

  private void span(ResourceContext context, Sink sink) throws IOException {
    spans.read();
    String problem = spans.problem();
    if (problem != null) {
      decoding.counts.dropPending();
      sink.rejected++;
      sink.firstRejection = sink.firstRejection.isEmpty() ? problem : sink.firstRejection;
      return;
    }
    sink.records.add(spans.record(context, scopeName, scopeVersion));
    decoding.counts.keepPending();
  }
}
