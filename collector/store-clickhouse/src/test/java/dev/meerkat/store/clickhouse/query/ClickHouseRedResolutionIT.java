package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.OperationSummary;
import dev.meerkat.store.query.OperationTime;
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

/**
 * The RED reads over windows that are not hour-aligned: whole hours come from span_red_1h, the
 * edges from span_red_1m, and the results equal what the seeded spans give minute by minute.
 */
class ClickHouseRedResolutionIT {

  private static final Instant T10 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);

  /** 1 ms = 1000 µs falls in bucket floor(4 * log2(1000)) = 39, upper bound 2^10 µs. */
  private static final double P_1MS = 1.024;

  /** 100 ms falls in bucket floor(4 * log2(100000)) = 66, upper bound 2^16.75 µs. */
  private static final double P_100MS = Math.pow(2, 16.75) / 1000;

  /** [10:15, 12:40): head minutes 10:15-11:00, whole hour 11:00, tail minutes 12:00-12:40. */
  private static final Instant FROM = T10.plus(Duration.ofMinutes(15));

  private static final Instant TO = T10.plus(Duration.ofMinutes(160));

  /** Requests of "api": minute after 10:00, count, error, duration, operation. */
  private record Seed(int minute, int count, boolean error, Duration duration, String operation) {}

  private static final List<Seed> SEEDS =
      List.of(
          new Seed(-1, 11, false, MS, "GET /a"), // 09:59, before the window
          new Seed(14, 13, false, MS, "GET /a"), // 10:14, in the head hour but before FROM
          new Seed(20, 50, false, MS, "GET /a"),
          new Seed(20, 4, true, MS, "GET /a"),
          new Seed(60, 30, false, MS, "GET /b"), // 11:00, the whole hour
          new Seed(90, 10, true, MS.multipliedBy(100), "GET /b"),
          new Seed(130, 6, false, MS.multipliedBy(100), "GET /a"), // 12:10, tail
          new Seed(160, 9, true, MS, "GET /a"), // 12:40, after the window
          new Seed(19 * 60, 7, false, MS, "GET /a"), // 2026-03-02 05:00
          new Seed(49 * 60, 8, true, MS, "GET /a")); // 2026-03-03 11:00

  /**
   * [03-01 10:15, 03-03 12:40): minutes to 11:00, hours to midnight, the day 03-02, hours to 12:00,
   * minutes to 12:40.
   */
  private static final Instant DAYS_TO = TO.plus(Duration.ofDays(2));

  private static ClickHouseStore store;
  private static ServiceMetricsRepository repository;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    repository = new ClickHouseServiceMetricsRepository(store);
    TestSpans spans = TestSpans.create();
    int id = 0;
    for (Seed seed : SEEDS) {
      for (int i = 0; i < seed.count; i++, id++) {
        spans.add(
            new TestSpans.Span(
                "t" + id,
                "s" + id,
                "",
                "api",
                seed.operation,
                "SERVER",
                T10.plus(Duration.ofMinutes(seed.minute)).plusSeconds(i % 60),
                seed.duration,
                seed.error ? "ERROR" : "OK",
                1.0,
                List.of()));
      }
    }
    // A client span of api: an operation, but not a request api handled.
    spans.add(
        new TestSpans.Span(
            "c",
            "c",
            "s0",
            "api",
            "SELECT",
            "CLIENT",
            T10.plus(Duration.ofMinutes(61)),
            MS,
            "OK",
            2.0,
            List.of()));
    spans.insertInto(store);
    // A row only the hourly rollup has: it shows whether a read used hour rows for 11:00.
    store.execute(
        "INSERT INTO span_red_1h (hour, service_name, span_name, span_kind, is_error,"
            + " latency_bucket, span_count, duration_nanos_sum) VALUES (toDateTime("
            + T10.plus(Duration.ofHours(1)).getEpochSecond()
            + "), 'hour-probe', 'x', 'SERVER', 0, 39, 1, 1000000)");
    // And one only the daily rollup has, for 2026-03-02.
    store.execute(
        "INSERT INTO span_red_1d (day, service_name, span_name, span_kind, is_error,"
            + " latency_bucket, span_count, duration_nanos_sum) VALUES (toDateTime("
            + T10.plus(Duration.ofHours(14)).getEpochSecond()
            + "), 'day-probe', 'x', 'SERVER', 0, 39, 1, 1000000)");
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /**
   * The requests of the seeds whose minute starts in [from, to), as a per-minute read sees them.
   */
  private static RequestCounts expected(Instant from, Instant to) {
    double total = 0;
    double errors = 0;
    for (Seed seed : SEEDS) {
      Instant minute = T10.plus(Duration.ofMinutes(seed.minute));
      if (!minute.isBefore(from) && minute.isBefore(to)) {
        total += seed.count;
        errors += seed.error ? seed.count : 0;
      }
    }
    return new RequestCounts(total, errors);
  }

  @Test
  void requestCountsOverUnalignedWindowEqualPerMinuteCounts() {
    assertThat(expected(FROM, TO)).isEqualTo(new RequestCounts(100, 14));
    assertThat(repository.requestCounts("api", FROM, TO)).isEqualTo(expected(FROM, TO));
    Instant from = T10.minusSeconds(120);
    Instant to = T10.plus(Duration.ofMinutes(200));
    assertThat(repository.requestCounts("api", from, to)).isEqualTo(expected(from, to));
    assertThat(repository.requestCounts("api", FROM, T10.plus(Duration.ofMinutes(50))))
        .isEqualTo(new RequestCounts(54, 4));
  }

  @Test
  void wholeHoursAreReadFromTheHourlyRollupAndEdgesFromMinutes() {
    // [10:15, 12:40) holds the whole hour 11:00: the hour-only probe row is read.
    assertThat(repository.serviceNames(FROM, TO)).containsExactly("api", "hour-probe");
    // [11:30, 12:40) holds no whole hour: minutes only, the probe is not there.
    assertThat(repository.serviceNames(T10.plus(Duration.ofMinutes(90)), TO))
        .containsExactly("api");
  }

  @Test
  void wholeDaysAreReadFromTheDailyRollup() {
    assertThat(repository.serviceNames(FROM, DAYS_TO))
        .containsExactly("api", "day-probe", "hour-probe");
    Instant halfPastMidnight = T10.plus(Duration.ofMinutes(14 * 60 + 30));
    assertThat(repository.serviceNames(halfPastMidnight, halfPastMidnight.plus(Duration.ofDays(1))))
        .containsExactly("api");
  }

  @Test
  void windowsOverDaysEqualPerMinuteCounts() {
    assertThat(expected(FROM, DAYS_TO)).isEqualTo(new RequestCounts(124, 31));
    assertThat(repository.requestCounts("api", FROM, DAYS_TO)).isEqualTo(expected(FROM, DAYS_TO));
    assertThat(repository.redSeries("api", FROM, DAYS_TO, Duration.ofDays(1)))
        .extracting(RedPoint::start, RedPoint::requests)
        .containsExactly(
            tuple(FROM, 109.0),
            tuple(T10.plus(Duration.ofHours(14)), 7.0),
            tuple(T10.plus(Duration.ofHours(38)), 8.0));
  }

  @Test
  void servicesSummariseTheWindowExactly() {
    List<ServiceSummary> services = repository.services(FROM, TO);

    assertThat(services).extracting(ServiceSummary::service).containsExactly("api", "hour-probe");
    // 100 requests in 145 minutes: 84 at 1 ms, 16 at 100 ms -> p50 1 ms, p95 and p99 100 ms.
    assertThat(services.get(0))
        .isEqualTo(
            new ServiceSummary(
                "api", 100, 100.0 / (145 * 60), 14.0 / 100, P_1MS, P_100MS, P_100MS));
  }

  @Test
  void operationsOfAServiceIncludeEveryKind() {
    List<OperationSummary> operations = repository.operations("api", FROM, TO);

    double seconds = 145 * 60;
    assertThat(operations)
        .containsExactly(
            new OperationSummary(
                "api", "GET /a", "SERVER", 60, 60 / seconds, 4.0 / 60, P_1MS, P_100MS, P_100MS),
            new OperationSummary(
                "api", "GET /b", "SERVER", 40, 40 / seconds, 10.0 / 40, P_1MS, P_100MS, P_100MS),
            new OperationSummary(
                "api", "SELECT", "CLIENT", 2, 2 / seconds, 0, P_1MS, P_1MS, P_1MS));
  }

  @Test
  void operationTimesSumTheDurationsOfMinutesHoursAndDays() {
    // GET /a: 54 spans of 1 ms (10:20) + 6 of 100 ms (12:10); GET /b: 30 of 1 ms + 10 of 100 ms;
    // SELECT: one 1 ms span standing for 2 (sample rate 2).
    assertThat(repository.operationTimes("api", FROM, TO))
        .containsExactly(
            new OperationTime("GET /a", "SERVER", 54 + 600),
            new OperationTime("GET /b", "SERVER", 30 + 1000),
            new OperationTime("SELECT", "CLIENT", 2));
    // Two days on, GET /a adds spans of 1 ms: 9 at 12:40, 7 on 03-02 (the daily rollup) and 8 on
    // 03-03 11:00.
    assertThat(repository.operationTimes("api", FROM, DAYS_TO))
        .containsExactly(
            new OperationTime("GET /a", "SERVER", 54 + 600 + 9 + 7 + 8),
            new OperationTime("GET /b", "SERVER", 30 + 1000),
            new OperationTime("SELECT", "CLIENT", 2));
    assertThat(repository.operationTimes("nobody", FROM, TO)).isEmpty();
  }

  @Test
  void hourlySeriesClipsTheFirstAndLastStepToTheWindow() {
    List<RedPoint> points = repository.redSeries("api", FROM, TO, Duration.ofHours(1));

    assertThat(points)
        .containsExactly(
            new RedPoint(FROM, 54, 54.0 / (45 * 60), 4.0 / 54, P_1MS, P_1MS, P_1MS),
            new RedPoint(
                T10.plus(Duration.ofHours(1)), 40, 40.0 / 3600, 10.0 / 40, P_1MS, P_100MS, P_100MS),
            new RedPoint(
                T10.plus(Duration.ofHours(2)), 6, 6.0 / (40 * 60), 0, P_100MS, P_100MS, P_100MS));
  }

  @Test
  void stepsThatAreNotWholeHoursAreReadFromMinutes() {
    List<RedPoint> points = repository.redSeries("api", FROM, TO, Duration.ofMinutes(30));

    // Steps at :00 and :30; 10:00 is clipped to 10:15, 10:30 and 12:30 have no requests.
    assertThat(points)
        .extracting(RedPoint::start, RedPoint::requests)
        .containsExactly(
            tuple(FROM, expected(FROM, T10.plus(Duration.ofMinutes(30))).total()),
            tuple(T10.plus(Duration.ofMinutes(60)), 30.0),
            tuple(T10.plus(Duration.ofMinutes(90)), 10.0),
            tuple(T10.plus(Duration.ofMinutes(120)), 6.0));
    assertThat(points.get(0).requests()).isEqualTo(54.0);
    assertThat(points.get(0).requestsPerSecond()).isEqualTo(54.0 / (15 * 60));
  }

  @Test
  void operationSeriesCountsOneOperation() {
    assertThat(repository.operationRedSeries("api", "GET /b", FROM, TO, Duration.ofHours(24)))
        .containsExactly(
            new RedPoint(FROM, 40, 40.0 / (145 * 60), 10.0 / 40, P_1MS, P_100MS, P_100MS));
  }

  @Test
  void stepMustBeWholeMinutes() {
    assertThatThrownBy(() -> repository.redSeries("api", FROM, TO, Duration.ofSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step must be whole minutes, at least one: PT1M30S");
  }
}
