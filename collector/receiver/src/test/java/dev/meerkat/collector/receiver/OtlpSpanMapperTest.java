package dev.meerkat.collector.receiver;

import static dev.meerkat.collector.receiver.Otlp.START;
import static dev.meerkat.collector.receiver.Otlp.attribute;
import static dev.meerkat.collector.receiver.Otlp.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanLink;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpSpanMapperTest {

  private static final String STACKTRACE =
      "java.lang.IllegalStateException: no stock\n\tat Shop.buy(Shop.java:42)\n";

  private static ExportTraceServiceRequest export(Span span) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(Otlp.resource("shop"))
                .addScopeSpans(ScopeSpans.newBuilder().setScope(Otlp.scope()).addSpans(span)))
        .build();
  }

  private static Span.Builder span() {
    return Span.newBuilder()
        .setTraceId(id(Otlp.TRACE_ID))
        .setSpanId(id(Otlp.SPAN_ID))
        .setName("buy")
        .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + 5_000);
  }

  @Test
  void mapsEventsWithExceptionAttributesAndLinks() {
    Span span =
        span()
            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR))
            .addAttributes(attribute("order.id", 7))
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(START + 1_000)
                    .setName("exception")
                    .addAttributes(attribute("exception.type", "java.lang.IllegalStateException"))
                    .addAttributes(attribute("exception.message", "no stock"))
                    .addAttributes(attribute("exception.stacktrace", STACKTRACE)))
            .addEvents(Span.Event.newBuilder().setTimeUnixNano(START + 2_000).setName("retry"))
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(id("11111111111111111111111111111111"))
                    .setSpanId(id("2222222222222222"))
                    .setTraceState("k=v")
                    .addAttributes(attribute("link.kind", "follows")))
            .build();

    OtlpSpanMapper.Result result = OtlpSpanMapper.map(export(span), Otlp.unlimited());

    assertThat(result.rejected()).isZero();
    assertThat(result.spans())
        .containsExactly(
            new SpanRecord(
                START,
                5_000,
                Otlp.TRACE_ID,
                Otlp.SPAN_ID,
                "",
                "",
                "shop",
                "buy",
                SpanKind.INTERNAL,
                SpanStatus.ERROR,
                "",
                "",
                "",
                0,
                "",
                1.0,
                List.of("order.id"),
                List.of("7"),
                List.of("service.name", "host.name"),
                List.of("shop", "vm-1"),
                "io.meerkat.test",
                "1.2",
                List.of(
                    new SpanEvent(
                        START + 1_000,
                        "exception",
                        List.of("exception.type", "exception.message", "exception.stacktrace"),
                        List.of("java.lang.IllegalStateException", "no stock", STACKTRACE)),
                    new SpanEvent(START + 2_000, "retry", List.of(), List.of())),
                List.of(
                    new SpanLink(
                        "11111111111111111111111111111111",
                        "2222222222222222",
                        "k=v",
                        List.of("link.kind"),
                        List.of("follows")))));
  }

  @Test
  void truncatesToTheLimitsAndCountsEachKind() {
    // 2 attributes, 1 event, 1 link per list; values of 5 characters.
    IngestLimiter limiter = IngestLimiter.create(new IngestLimits(2, 1, 1, 5));
    String longStacktrace = "x".repeat(50);
    Span.Builder span = span();
    for (int i = 0; i < 4; i++) {
      span.addAttributes(attribute("a" + i, "value-" + i)); // "value-0" is 7 characters
    }
    span.addEvents(
        Span.Event.newBuilder()
            .setName("exception")
            .addAttributes(attribute("exception.stacktrace", longStacktrace))
            .addAttributes(attribute("exception.type", "E"))
            .addAttributes(attribute("exception.message", "m")));
    span.addEvents(Span.Event.newBuilder().setName("dropped"));
    span.addEvents(Span.Event.newBuilder().setName("dropped too"));
    for (int i = 0; i < 3; i++) {
      span.addLinks(
          Span.Link.newBuilder()
              .setTraceId(id("11111111111111111111111111111111"))
              .setSpanId(id("222222222222222" + i))
              .addAttributes(attribute("k1", "v"))
              .addAttributes(attribute("k2", "v"))
              .addAttributes(attribute("k3", "v")));
    }

    SpanRecord record = OtlpSpanMapper.map(export(span.build()), limiter).spans().get(0);

    assertThat(record.attributeKeys()).containsExactly("a0", "a1");
    assertThat(record.attributeValues()).containsExactly("value", "value");
    // The resource has 2 attributes (service.name, host.name): within the limit, "vm-1" is short.
    assertThat(record.resourceValues()).containsExactly("shop", "vm-1");
    assertThat(record.events())
        .containsExactly(
            new SpanEvent(
                0,
                "exception",
                List.of("exception.stacktrace", "exception.type"),
                List.of(longStacktrace, "E")));
    assertThat(record.links())
        .containsExactly(
            new SpanLink(
                "11111111111111111111111111111111",
                "2222222222222220",
                "",
                List.of("k1", "k2"),
                List.of("v", "v")));
    assertThat(limiter.truncated(Truncation.ATTRIBUTES)).isEqualTo(4 - 2);
    assertThat(limiter.truncated(Truncation.ATTRIBUTE_VALUES)).isEqualTo(2);
    assertThat(limiter.truncated(Truncation.EVENTS)).isEqualTo(3 - 1);
    assertThat(limiter.truncated(Truncation.EVENT_ATTRIBUTES)).isEqualTo(3 - 2);
    assertThat(limiter.truncated(Truncation.LINKS)).isEqualTo(3 - 1);
    assertThat(limiter.truncated(Truncation.LINK_ATTRIBUTES)).isEqualTo(3 - 2);
    assertThat(limiter.truncated(Truncation.RESOURCE_ATTRIBUTES)).isZero();
  }

  @Test
  void shortensWithoutSplittingASurrogatePair() {
    IngestLimiter limiter = IngestLimiter.create(new IngestLimits(128, 128, 128, 3));
    // "ab" + U+1F600 (two chars): a cut at 3 would split the pair, so it cuts at 2.
    Span span = span().addAttributes(attribute("emoji", "ab\uD83D\uDE00c")).build();

    SpanRecord record = OtlpSpanMapper.map(export(span), limiter).spans().get(0);

    assertThat(record.attributeValues()).containsExactly("ab");
    assertThat(record.resourceValues()).containsExactly("sho", "vm-");
    // The emoji value and both 4-character resource values.
    assertThat(limiter.truncated(Truncation.ATTRIBUTE_VALUES)).isEqualTo(1 + 2);
  }
}
