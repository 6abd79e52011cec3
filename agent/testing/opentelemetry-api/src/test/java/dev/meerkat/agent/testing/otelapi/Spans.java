package dev.meerkat.agent.testing.otelapi;

import dev.meerkat.agent.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Looks up exported spans by name. */
final class Spans {
  private final List<Span> spans;

  Spans(List<Span> spans) {
    this.spans = spans;
  }

  /** The one span with this name (fails when there is none or more than one). */
  Span named(String name) {
    List<Span> matching = spans.stream().filter(s -> s.getName().equals(name)).toList();
    if (matching.size() != 1) {
      throw new AssertionError(matching.size() + " spans named " + name + " in " + names());
    }
    return matching.get(0);
  }

  List<String> names() {
    return spans.stream().map(Span::getName).sorted().toList();
  }

  static Map<String, Object> attributes(Span span) {
    return OtlpReceiver.attributes(span.getAttributesList());
  }

  static String traceId(Span span) {
    return HexFormat.of().formatHex(span.getTraceId().toByteArray());
  }

  static String spanId(Span span) {
    return HexFormat.of().formatHex(span.getSpanId().toByteArray());
  }

  static String parentId(Span span) {
    return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
  }
}
