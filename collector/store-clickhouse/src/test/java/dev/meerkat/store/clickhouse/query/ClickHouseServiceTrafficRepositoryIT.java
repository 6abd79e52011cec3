package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.ServiceLatencyCell;
import dev.meerkat.store.query.ServiceTrafficPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseServiceTrafficRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant T5 = T0.plus(Duration.ofMinutes(5));

  private static ClickHouseStore store;
  private static ClickHouseServiceTrafficRepository repository;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    TestSpans spans = TestSpans.create();
    // checkout, minute 0: 3 spans of 1 ms (bucket floor(4 log2 1000) = 39) sampled 1 in 4.
    for (int i = 0; i < 3; i++) {
      spans.add(span("checkout", "SERVER", T0.plusSeconds(i), 1, "OK", 4));
    }
    // checkout, minute 1: one failed 300 ms span (bucket floor(4 log2 300000) = 72), 1 in 2.
    spans.add(span("checkout", "SERVER", T0.plusSeconds(65), 300, "ERROR", 2));
    // checkout, minute 3: one 1 ms request; minute 4: one 20 ms (bucket 57) failed one.
    spans.add(span("checkout", "SERVER", T0.plusSeconds(190), 1, "OK", 1));
    spans.add(span("checkout", "SERVER", T0.plusSeconds(250), 20, "ERROR", 1));
    // worker, a consumer, minute 2: two 1 ms requests.
    spans.add(span("worker", "CONSUMER", T0.plusSeconds(130), 1, "OK", 1));
    spans.add(span("worker", "CONSUMER", T0.plusSeconds(131), 1, "OK", 1));
    // Not requests: a client span of checkout, and a service seen only through a client span.
    spans.add(span("checkout", "CLIENT", T0.plusSeconds(5), 1, "ERROR", 1));
    spans.add(span("caller", "CLIENT", T0.plusSeconds(5), 1, "OK", 1));
    // Outside [T0, T5).
    spans.add(span("checkout", "SERVER", T5, 1, "OK", 1));
    spans.insertInto(store);
    repository = new ClickHouseServiceTrafficRepository(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void sumsWeightedRequestsOfEveryServicePerErrorFlagAndBucket() {
    assertThat(repository.latencyCells(T0, T5))
        .containsExactly(
            new ServiceLatencyCell("checkout", false, 39, 13.0),
            new ServiceLatencyCell("checkout", true, 57, 1.0),
            new ServiceLatencyCell("checkout", true, 72, 2.0),
            new ServiceLatencyCell("worker", false, 39, 2.0));
  }

  @Test
  void sumsTheCellsOfOneServiceOnly() {
    assertThat(repository.latencyCells("worker", T0, T5))
        .containsExactly(new ServiceLatencyCell("worker", false, 39, 2.0));
    // checkout's client span and a service seen only through client spans are not requests.
    assertThat(repository.latencyCells("caller", T0, T5)).isEmpty();
  }

  @Test
  void countsRequestsAndErrorsOfEveryServicePerStep() {
    // Steps of 2 minutes since the epoch; T0 + 1m starts inside the step [T0, T0 + 2m).
    Instant from = T0.plusSeconds(60);
    assertThat(repository.trafficSeries(from, T5, Duration.ofMinutes(2)))
        .containsExactly(
            new ServiceTrafficPoint("checkout", from, 2.0, 2.0),
            new ServiceTrafficPoint("checkout", T0.plusSeconds(120), 1.0, 0.0),
            new ServiceTrafficPoint("checkout", T0.plusSeconds(240), 1.0, 1.0),
            new ServiceTrafficPoint("worker", T0.plusSeconds(120), 2.0, 0.0));
  }

  @Test
  void hasNothingWithoutTraffic() {
    Instant before = T0.minus(Duration.ofHours(1));
    assertThat(repository.latencyCells(before, T0)).isEmpty();
    assertThat(repository.trafficSeries(before, T0, Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void refusesAStepThatIsNotWholeMinutes() {
    assertThatThrownBy(() -> repository.trafficSeries(T0, T5, Duration.ofSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step must be whole minutes, at least one: PT1M30S");
  }

  private static TestSpans.Span span(
      String service, String kind, Instant start, long millis, String status, double weight) {
    return new TestSpans.Span(
        "t-" + service + start,
        "s-" + service + start + kind,
        "",
        service,
        "op",
        kind,
        start,
        Duration.ofMillis(millis),
        status,
        weight,
        List.of());
  }
}
