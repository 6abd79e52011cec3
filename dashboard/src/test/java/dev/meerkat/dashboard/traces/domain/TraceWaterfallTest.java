package dev.meerkat.dashboard.traces.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.SpanEventDetail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceWaterfallTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void ordersDepthFirstWithDepthsAndOffsets() {
    List<SpanDetail> spans =
        List.of(
            span("c2", "root", 5_000_000, 1_000_000, false),
            span("root", "", 0, 10_000_000, false),
            span("c1", "root", 1_000_000, 2_000_000, false),
            span("g1", "c1", 1_500_000, 500_000, true),
            span("orphan", "missing", 7_000_000, 1_000_000, false));

    TraceWaterfall waterfall = TraceWaterfall.of("t", spans);

    assertThat(waterfall.rows())
        .extracting(
            r -> r.span().spanId(),
            WaterfallRow::depth,
            WaterfallRow::offsetMillis,
            WaterfallRow::durationMillis)
        .containsExactly(
            tuple("root", 0, 0.0, 10.0),
            tuple("c1", 1, 1.0, 2.0),
            tuple("g1", 2, 1.5, 0.5),
            tuple("c2", 1, 5.0, 1.0),
            tuple("orphan", 0, 7.0, 1.0));
    assertThat(waterfall.totalMillis()).isEqualTo(10.0);
  }

  @Test
  void survivesCycles() {
    List<SpanDetail> spans = List.of(span("a", "b", 0, 1, false), span("b", "a", 1, 1, false));

    assertThat(TraceWaterfall.of("t", spans).rows())
        .extracting(r -> r.span().spanId(), WaterfallRow::depth)
        .containsExactly(tuple("a", 0), tuple("b", 1));
  }

  @Test
  void placesAnEventAtItsOffsetIntoTheSpan() {
    WaterfallRow row =
        TraceWaterfall.of("t", List.of(span("root", "", 2_000_000, 10_000_000, false)))
            .rows()
            .getFirst();

    assertThat(row.millisIntoSpan(new SpanEventDetail(T0.plusNanos(3_250_000), "e", Map.of())))
        .isEqualTo(1.25);
  }

  private static SpanDetail span(
      String id, String parent, long offsetNanos, long nanos, boolean error) {
    return new SpanDetail(
        "t",
        id,
        parent,
        "svc",
        "op " + id,
        "INTERNAL",
        T0.plusNanos(offsetNanos),
        nanos,
        error ? "ERROR" : "OK",
        "",
        Map.of(),
        Map.of());
  }
}
