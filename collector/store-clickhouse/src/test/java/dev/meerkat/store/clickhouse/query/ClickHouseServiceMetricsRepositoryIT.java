package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.LatencyPoint;
import dev.meerkat.store.query.RedPoint;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseServiceMetricsRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);

  /** 1 ms = 1000 µs falls in bucket floor(4 * log2(1000)) = 39, upper bound 2^10 µs. */
  private static final double P_1MS = 1.024;

  /** 100 ms falls in bucket floor(4 * log2(100000)) = 66, upper bound 2^16.75 µs. */
  private static final double P_100MS = Math.pow(2, 16.75) / 1000;

  private static ClickHouseStore store;
  private static ServiceMetricsRepository repository;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    repository = new ClickHouseServiceMetricsRepository(store);
    TestSpans.create()
        // checkout: 100 requests in minute 0: 93 ok + 5 failed at 1 ms, 2 ok at 100 ms.
        .add(93, "checkout", "SERVER", T0.plusSeconds(10), MS, false)
        .add(5, "checkout", "SERVER", T0.plusSeconds(20), MS, true)
        .add(2, "checkout", "SERVER", T0.plusSeconds(30), MS.multipliedBy(100), false)
        // its outgoing calls are not requests it handles
        .add(7, "checkout", "CLIENT", T0.plusSeconds(30), MS.multipliedBy(100), true)
        // inventory: 20 consumer spans at 1 ms in minute 1
        .add(20, "inventory", "CONSUMER", T0.plusSeconds(70), MS, false)
        // a service seen only through client spans
        .add(3, "batch-job", "CLIENT", T0.plusSeconds(80), MS, false)
        // outside the window
        .add(50, "checkout", "SERVER", T0.plus(Duration.ofMinutes(5)), MS, true)
        .insertInto(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void summarisesEveryServiceFromRequestSpans() {
    List<ServiceSummary> services = repository.services(T0, T0.plus(Duration.ofMinutes(5)));

    assertThat(services)
        .extracting(ServiceSummary::service)
        .containsExactly("batch-job", "checkout", "inventory");
    ServiceSummary checkout = services.get(1);
    assertThat(checkout.requests()).isEqualTo(100.0);
    assertThat(checkout.requestsPerSecond()).isCloseTo(100.0 / 300, within(1e-12));
    assertThat(checkout.errorRatio()).isCloseTo(0.05, within(1e-12));
    assertThat(checkout.p50Millis()).isCloseTo(P_1MS, within(1e-9));
    assertThat(checkout.p95Millis()).isCloseTo(P_1MS, within(1e-9));
    assertThat(checkout.p99Millis()).isCloseTo(P_100MS, within(1e-9));
    ServiceSummary inventory = services.get(2);
    assertThat(inventory.requests()).isEqualTo(20.0);
    // First seen in minute 1 of the window (nothing before it): rated over the 4 minutes since.
    assertThat(inventory.requestsPerSecond()).isCloseTo(20.0 / 240, within(1e-12));
    assertThat(inventory.errorRatio()).isZero();
    assertThat(inventory.p99Millis()).isCloseTo(P_1MS, within(1e-9));
    ServiceSummary batchJob = services.get(0);
    assertThat(batchJob.hasRequests()).isFalse();
    assertThat(batchJob.p50Millis()).isNaN();
  }

  @Test
  void ratesAServiceWithTrafficBeforeTheWindowOverTheWholeWindow() {
    // checkout has requests at T0; a window starting one minute later looks back to T0-3min.
    List<ServiceSummary> services =
        repository.services(T0.plusSeconds(60), T0.plus(Duration.ofMinutes(6)));

    assertThat(services)
        .extracting(ServiceSummary::service)
        .containsExactly("batch-job", "checkout", "inventory");
    ServiceSummary checkout = services.get(1);
    assertThat(checkout.requests()).isEqualTo(50.0);
    assertThat(checkout.requestsPerSecond()).isCloseTo(50.0 / 300, within(1e-12));
    ServiceSummary inventory = services.get(2);
    assertThat(inventory.requestsPerSecond()).isCloseTo(20.0 / 300, within(1e-12));
  }

  @Test
  void summarisesOneServiceLikeItsRowOfEveryService() {
    ServiceSummary inventory =
        repository.service("inventory", T0, T0.plus(Duration.ofMinutes(5))).orElseThrow();

    assertThat(inventory.service()).isEqualTo("inventory");
    assertThat(inventory.requests()).isEqualTo(20.0);
    // First seen in minute 1 of the window, as in services(): rated over the 4 minutes since.
    assertThat(inventory.requestsPerSecond()).isCloseTo(20.0 / 240, within(1e-12));
    assertThat(inventory.errorRatio()).isZero();
    assertThat(inventory.p99Millis()).isCloseTo(P_1MS, within(1e-9));
    // One minute later checkout's requests at T0 lie before the window: rated over all of it.
    ServiceSummary checkout =
        repository
            .service("checkout", T0.plusSeconds(60), T0.plus(Duration.ofMinutes(6)))
            .orElseThrow();
    assertThat(checkout.requests()).isEqualTo(50.0);
    assertThat(checkout.requestsPerSecond()).isCloseTo(50.0 / 300, within(1e-12));
    assertThat(checkout.errorRatio()).isEqualTo(1.0);
    assertThat(repository.service("batch-job", T0, T0.plus(Duration.ofMinutes(5))).orElseThrow())
        .extracting(ServiceSummary::hasRequests)
        .isEqualTo(false);
    assertThat(repository.service("unknown", T0, T0.plus(Duration.ofMinutes(5)))).isEmpty();
  }

  @Test
  void summarisesRequestsPerIsoWeekStartingOnMonday() {
    // T0, Sunday 2026-03-01, lies in the ISO week of Monday 2026-02-23; 2026-03-02 starts the next.
    Instant week1 = Instant.parse("2026-02-23T00:00:00Z");
    Instant week2 = Instant.parse("2026-03-02T00:00:00Z");
    try (ClickHouseStore weeks = ClickHouseFixture.shared().newDatabase()) {
      TestSpans.create()
          .add(3, "checkout", "SERVER", T0, MS, false)
          .add(1, "checkout", "SERVER", T0.plusSeconds(1), MS, true)
          .add(2, "checkout", "SERVER", week2.plusSeconds(3600), MS.multipliedBy(100), false)
          // not requests
          .add(4, "checkout", "CLIENT", week2.plusSeconds(3600), MS, true)
          .insertInto(weeks);

      List<RedPoint> points =
          new ClickHouseServiceMetricsRepository(weeks)
              .weeklyRedSeries("checkout", week1, week2.plus(Duration.ofDays(7)));

      assertThat(points).extracting(RedPoint::start).containsExactly(week1, week2);
      assertThat(points).extracting(RedPoint::requests).containsExactly(4.0, 2.0);
      assertThat(points).extracting(RedPoint::errorRatio).containsExactly(0.25, 0.0);
      assertThat(points.get(0).p99Millis()).isCloseTo(P_1MS, within(1e-9));
      assertThat(points.get(1).p95Millis()).isCloseTo(P_100MS, within(1e-9));
    }
  }

  @Test
  void listsServiceNames() {
    assertThat(repository.serviceNames(T0, T0.plus(Duration.ofMinutes(2))))
        .containsExactly("batch-job", "checkout", "inventory");
    assertThat(repository.serviceNames(T0.minusSeconds(600), T0)).isEmpty();
  }

  @Test
  void buildsPerMinuteLatencySeries() {
    List<LatencyPoint> series =
        repository.latencySeries("checkout", T0, T0.plus(Duration.ofMinutes(10)));

    assertThat(series)
        .extracting(LatencyPoint::minute)
        .containsExactly(T0, T0.plus(Duration.ofMinutes(5)));
    assertThat(series.get(0).requestsPerSecond()).isCloseTo(100.0 / 60, within(1e-12));
    assertThat(series.get(0).p50Millis()).isCloseTo(P_1MS, within(1e-9));
    assertThat(series.get(0).p99Millis()).isCloseTo(P_100MS, within(1e-9));
    assertThat(series.get(1).requestsPerSecond()).isCloseTo(50.0 / 60, within(1e-12));
  }

  @Test
  void countsRequestsAndErrorsInHalfOpenRange() {
    assertThat(repository.requestCounts("checkout", T0, T0.plus(Duration.ofMinutes(5))))
        .isEqualTo(new RequestCounts(100, 5));
    assertThat(repository.requestCounts("checkout", T0, T0.plus(Duration.ofMinutes(6))))
        .isEqualTo(new RequestCounts(150, 55));
    assertThat(repository.requestCounts("nobody", T0, T0.plus(Duration.ofMinutes(6))))
        .isEqualTo(RequestCounts.NONE);
  }

  @Test
  void weighsSpansBySampleRate() {
    try (ClickHouseStore sampled = ClickHouseFixture.shared().newDatabase()) {
      TestSpans spans = TestSpans.create();
      for (int i = 0; i < 3; i++) {
        spans.add(
            new TestSpans.Span(
                "t" + i,
                "s" + i,
                "",
                "cart",
                "GET /cart",
                "SERVER",
                T0,
                MS,
                i == 0 ? "ERROR" : "OK",
                10.0,
                List.of()));
      }
      spans.insertInto(sampled);

      assertThat(
              new ClickHouseServiceMetricsRepository(sampled)
                  .requestCounts("cart", T0, T0.plusSeconds(60)))
          .isEqualTo(new RequestCounts(30, 10));
    }
  }
}
