package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseTraceRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T23:59:59.250Z");
  private static final Duration MS = Duration.ofMillis(1);

  private static ClickHouseStore store;
  private static TraceRepository repository;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    repository = new ClickHouseTraceRepository(store);
    TestSpans spans = TestSpans.create();
    // trace "abc" crosses midnight, so its spans live in two daily partitions.
    spans.add(
        span(
            "abc",
            "root",
            "",
            "checkout",
            "POST /checkout",
            "SERVER",
            T0,
            30,
            "OK",
            List.of(new String[] {"http.route", "/checkout"}, new String[] {"user", "u-1"})));
    spans.add(
        span(
            "abc",
            "call",
            "root",
            "checkout",
            "GET inventory",
            "CLIENT",
            T0.plusMillis(2),
            20,
            "OK",
            List.of()));
    spans.add(
        span(
            "abc",
            "inv",
            "call",
            "inventory",
            "GET /items",
            "SERVER",
            T0.plusMillis(900),
            15,
            "ERROR",
            List.<String[]>of(new String[] {"error", "true"})));
    for (int i = 0; i < 5; i++) {
      spans.add(
          span(
              "t" + i,
              "r" + i,
              "",
              "checkout",
              "GET /cart",
              "SERVER",
              T0.minusSeconds(60 - i),
              5,
              "OK",
              List.of()));
    }
    spans.insertInto(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void readsWholeTraceAcrossPartitionsInStartOrder() {
    List<SpanDetail> trace = repository.trace("abc").orElseThrow();

    assertThat(trace).extracting(SpanDetail::spanId).containsExactly("root", "call", "inv");
    SpanDetail root = trace.get(0);
    assertThat(root.isRoot()).isTrue();
    assertThat(root.start()).isEqualTo(T0);
    assertThat(root.durationNanos()).isEqualTo(30_000_000L);
    assertThat(root.kind()).isEqualTo("SERVER");
    assertThat(root.attributes())
        .containsExactly(Map.entry("http.route", "/checkout"), Map.entry("user", "u-1"));
    SpanDetail inventory = trace.get(2);
    assertThat(inventory.service()).isEqualTo("inventory");
    assertThat(inventory.parentSpanId()).isEqualTo("call");
    assertThat(inventory.isError()).isTrue();
  }

  @Test
  void unknownTraceIsEmpty() {
    assertThat(repository.trace("nope")).isEmpty();
    assertThat(repository.trace("x' OR '1'='1")).isEmpty();
  }

  @Test
  void pagesRecentRootAndServerSpansNewestFirst() {
    Instant from = T0.minusSeconds(3600);
    Instant to = T0.plusSeconds(3600);

    List<TraceSummary> first = repository.recentTraces("checkout", from, to, 0, 3);
    List<TraceSummary> second = repository.recentTraces("checkout", from, to, 3, 3);

    assertThat(first).extracting(TraceSummary::traceId).containsExactly("abc", "t4", "t3");
    assertThat(second).extracting(TraceSummary::traceId).containsExactly("t2", "t1", "t0");
    assertThat(first.get(0))
        .isEqualTo(
            new TraceSummary("abc", "root", "POST /checkout", "SERVER", T0, 30_000_000L, "OK"));
    assertThat(repository.recentTraces("inventory", from, to, 0, 10))
        .extracting(TraceSummary::spanId, TraceSummary::isError)
        .containsExactly(tuple("inv", true));
  }

  @Test
  void listsTheSlowestRequestsLongestFirstWithTiesByTraceId() {
    Instant from = T0.minusSeconds(3600);
    Instant to = T0.plusSeconds(3600);

    // abc's root lasted 30 ms (its 20 ms client span is no request); t0..t4 5 ms each.
    assertThat(repository.slowestRequests("checkout", from, to, 3))
        .containsExactly(
            new TraceSummary("abc", "root", "POST /checkout", "SERVER", T0, 30_000_000L, "OK"),
            new TraceSummary(
                "t0", "r0", "GET /cart", "SERVER", T0.minusSeconds(60), 5_000_000L, "OK"),
            new TraceSummary(
                "t1", "r1", "GET /cart", "SERVER", T0.minusSeconds(59), 5_000_000L, "OK"));
    assertThat(repository.slowestRequests("checkout", from, T0.minusSeconds(58), 10))
        .extracting(TraceSummary::traceId)
        .containsExactly("t0", "t1");
  }

  private static TestSpans.Span span(
      String trace,
      String id,
      String parent,
      String service,
      String name,
      String kind,
      Instant start,
      long millis,
      String status,
      List<String[]> attrs) {
    return new TestSpans.Span(
        trace, id, parent, service, name, kind, start, MS.multipliedBy(millis), status, 1.0, attrs);
  }
}
