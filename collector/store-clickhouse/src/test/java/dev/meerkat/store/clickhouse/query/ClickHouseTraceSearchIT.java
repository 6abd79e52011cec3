package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceOverview;
import dev.meerkat.store.query.TracePage;
import dev.meerkat.store.query.TraceQuery;
import dev.meerkat.store.query.TraceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseTraceSearchIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);
  private static final TraceQuery WINDOW = TraceQuery.between(T0, T0.plusSeconds(60));

  private static ClickHouseStore store;
  private static TraceRepository repository;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    repository = new ClickHouseTraceRepository(store);
    Instant a1 = T0.plusSeconds(10);
    TestSpans.create()
        .add(
            span("a1", "a1-root", "", "frontend", "GET /home", "SERVER", a1, 50, "OK")
                .withAttributes(List.<String[]>of(new String[] {"user.id", "u1"}))
                .withResource(List.<String[]>of(new String[] {"deployment", "prod"}))
                .build())
        .add(
            span(
                    "a1",
                    "a1-call",
                    "a1-root",
                    "frontend",
                    "GET /api",
                    "CLIENT",
                    a1.plusMillis(2),
                    33,
                    "OK")
                .build())
        .add(
            span(
                    "a1",
                    "a1-api",
                    "a1-call",
                    "backend",
                    "GET /api",
                    "SERVER",
                    a1.plusMillis(5),
                    30,
                    "ERROR")
                .withAttributes(List.<String[]>of(new String[] {"region", "eu"}))
                .build())
        .add(
            span(
                    "a2",
                    "a2-root",
                    "",
                    "frontend",
                    "GET /home",
                    "SERVER",
                    T0.plusSeconds(20),
                    5,
                    "OK")
                .withAttributes(List.<String[]>of(new String[] {"user.id", "u2"}))
                .withResource(List.<String[]>of(new String[] {"deployment", "staging"}))
                .build())
        .add(
            span(
                    "a3",
                    "a3-root",
                    "",
                    "backend",
                    "POST /pay",
                    "SERVER",
                    T0.plusSeconds(30),
                    200,
                    "UNSET")
                .build())
        // Same start: ordered by trace id.
        .add(
            span("a5", "a5-root", "", "frontend", "GET /x", "SERVER", T0.plusSeconds(40), 1, "OK")
                .build())
        .add(
            span("a4", "a4-root", "", "frontend", "GET /x", "SERVER", T0.plusSeconds(40), 1, "OK")
                .build())
        // A trace whose root started two days before its span in the window.
        .add(
            span(
                    "long",
                    "long-root",
                    "",
                    "batch",
                    "nightly",
                    "INTERNAL",
                    T0.minus(Duration.ofDays(2)),
                    1,
                    "OK")
                .build())
        .add(
            span(
                    "long",
                    "long-step",
                    "long-root",
                    "batch",
                    "step",
                    "INTERNAL",
                    T0.plusSeconds(50),
                    5,
                    "OK")
                .build())
        // Outside the window.
        .add(
            span(
                    "old",
                    "old-root",
                    "",
                    "frontend",
                    "GET /home",
                    "SERVER",
                    T0.minusSeconds(1),
                    1,
                    "OK")
                .build())
        .insertInto(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void pagesEveryTraceNewestFirstWithAStableOrder() {
    List<List<String>> pages = new ArrayList<>();
    TraceQuery query = WINDOW.withLimit(2);
    while (true) {
      TracePage page = repository.search(query);
      pages.add(page.traces().stream().map(TraceOverview::traceId).toList());
      if (page.nextCursor().isEmpty()) {
        break;
      }
      query = query.withCursor(page.nextCursor().get());
    }

    assertThat(pages)
        .containsExactly(List.of("long", "a4"), List.of("a5", "a3"), List.of("a2", "a1"));
  }

  @Test
  void summarisesATraceFromAllItsSpans() {
    TracePage page = repository.search(WINDOW.withService("backend").withStatus(SpanStatus.ERROR));

    assertThat(page.traces())
        .containsExactly(
            new TraceOverview(
                "a1", "frontend", "GET /home", T0.plusSeconds(10), 50_000_000L, 3, true));
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void summarisesAResultFromItsSpansWithinADayOfTheWindow() {
    assertThat(repository.search(WINDOW.withService("batch")).traces())
        .containsExactly(
            new TraceOverview("long", "batch", "step", T0.plusSeconds(50), 5_000_000L, 1, false));
    // Trace by id has no such bound.
    assertThat(repository.trace("long").orElseThrow())
        .extracting(SpanDetail::spanId)
        .containsExactly("long-root", "long-step");
  }

  @Test
  void filtersByOperationAndDuration() {
    assertThat(ids(WINDOW.withOperation("GET /api"))).containsExactly("a1");
    assertThat(ids(WINDOW.withMinDuration(MS.multipliedBy(100)))).containsExactly("a3");
    assertThat(ids(WINDOW.withMaxDuration(MS.multipliedBy(1)))).containsExactly("a4", "a5");
    assertThat(
            ids(WINDOW.withMinDuration(MS.multipliedBy(30)).withMaxDuration(MS.multipliedBy(33))))
        .containsExactly("a1");
    assertThat(ids(WINDOW.withStatus(SpanStatus.UNSET))).containsExactly("a3");
    assertThat(ids(WINDOW.withService("frontend").withStatus(SpanStatus.ERROR))).isEmpty();
  }

  @Test
  void attributeFiltersAreAndedOverSpanAndResourceAttributes() {
    assertThat(ids(WINDOW.withAttribute("user.id", "u1"))).containsExactly("a1");
    assertThat(ids(WINDOW.withAttribute("deployment", "staging"))).containsExactly("a2");
    assertThat(ids(WINDOW.withAttribute("user.id", "u1").withAttribute("deployment", "prod")))
        .containsExactly("a1");
    // Both must hold on the same span: region is on another span of a1.
    assertThat(ids(WINDOW.withAttribute("user.id", "u1").withAttribute("region", "eu"))).isEmpty();
    assertThat(ids(WINDOW.withAttribute("user.id", "u1' OR '1'='1"))).isEmpty();
    assertThat(ids(WINDOW.withAttribute("user.id\\", "u1"))).isEmpty();
  }

  @Test
  void windowBoundsAreExact() {
    assertThat(ids(TraceQuery.between(T0.minusSeconds(1), T0.plusSeconds(10))))
        .containsExactly("old");
    assertThat(ids(TraceQuery.between(T0.plusSeconds(10), T0.plusSeconds(10).plusNanos(1))))
        .containsExactly("a1");
  }

  @Test
  void rejectsACursorItDidNotIssue() {
    assertThatThrownBy(() -> repository.search(WINDOW.withCursor("bm90LWEtY3Vyc29y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a page cursor: bm90LWEtY3Vyc29y");
  }

  private static List<String> ids(TraceQuery query) {
    return repository.search(query).traces().stream().map(TraceOverview::traceId).toList();
  }

  private static SpanBuilder span(
      String trace,
      String id,
      String parent,
      String service,
      String name,
      String kind,
      Instant start,
      long millis,
      String status) {
    return new SpanBuilder(
        trace, id, parent, service, name, kind, start, MS.multipliedBy(millis), status);
  }

  private record SpanBuilder(
      String trace,
      String id,
      String parent,
      String service,
      String name,
      String kind,
      Instant start,
      Duration duration,
      String status,
      List<String[]> attributes,
      List<String[]> resource) {

    SpanBuilder(
        String trace,
        String id,
        String parent,
        String service,
        String name,
        String kind,
        Instant start,
        Duration duration,
        String status) {
      this(trace, id, parent, service, name, kind, start, duration, status, List.of(), List.of());
    }

    SpanBuilder withAttributes(List<String[]> value) {
      return new SpanBuilder(
          trace, id, parent, service, name, kind, start, duration, status, value, resource);
    }

    SpanBuilder withResource(List<String[]> value) {
      return new SpanBuilder(
          trace, id, parent, service, name, kind, start, duration, status, attributes, value);
    }

    TestSpans.Span build() {
      return new TestSpans.Span(
          trace,
          id,
          parent,
          service,
          name,
          kind,
          start,
          duration,
          status,
          1.0,
          attributes,
          resource);
    }
  }
}
