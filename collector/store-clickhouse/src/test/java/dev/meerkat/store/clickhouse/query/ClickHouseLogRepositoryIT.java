package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.log.LogEntry;
import dev.meerkat.store.query.log.LogPage;
import dev.meerkat.store.query.log.LogQuery;
import dev.meerkat.store.query.log.LogRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository over the migrated {@code logs} table, rows seeded with their column names. */
class ClickHouseLogRepositoryIT {

  private static final String INSERT =
      "INSERT INTO logs (timestamp, time_unix_nano, observed_time_unix_nano, severity_number,"
          + " severity_text, body, trace_id, span_id, flags, service_name, attribute_keys,"
          + " attribute_values, resource_keys, resource_values, scope_name, scope_version) VALUES ";

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final LogQuery WINDOW = LogQuery.between(T0, T0.plusSeconds(60));

  private static ClickHouseStore store;
  private static LogRepository repository;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    repository = new ClickHouseLogRepository(store);
    List<String> rows = new ArrayList<>();
    rows.add(log(T0.plusMillis(1000), 9, "INFO", "started", "", "", "api"));
    rows.add(log(T0.plusMillis(2000), 17, "ERROR", "payment failed: card", "t1", "s1", "api"));
    rows.add(log(T0.plusMillis(2500), 13, "WARN", "retrying payment", "t1", "s2", "worker"));
    // Three records at the same nanosecond: paging must neither repeat nor skip them.
    rows.add(log(T0.plusMillis(3000), 9, "INFO", "tick a", "", "", "worker"));
    rows.add(log(T0.plusMillis(3000), 9, "INFO", "tick b", "", "", "worker"));
    rows.add(log(T0.plusMillis(3000), 9, "INFO", "tick c", "", "", "worker"));
    rows.add(log(T0.minusMillis(1), 17, "ERROR", "too early", "t1", "s0", "api"));
    rows.add(log(T0.plusSeconds(60), 17, "ERROR", "too late", "t1", "s3", "api"));
    store.execute(INSERT + String.join(", ", rows));
    // No event time: the observed time places it.
    store.execute(
        INSERT
            + "(toDateTime("
            + T0.plusSeconds(4).getEpochSecond()
            + "), 0, "
            + nanos(T0.plusSeconds(4))
            + ", 5, 'DEBUG', 'observed only', '', '', 0, 'api', ['k'], ['v'], ['host.name'],"
            + " ['h1'], 'scope', '1.0')");
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void pagesNewestFirstThroughRecordsWithTheSameTime() {
    List<List<String>> pages = new ArrayList<>();
    LogQuery query = WINDOW.withLimit(2);
    while (true) {
      LogPage page = repository.search(query);
      pages.add(page.logs().stream().map(LogEntry::body).toList());
      if (page.nextCursor().isEmpty()) {
        break;
      }
      query = query.withCursor(page.nextCursor().get());
    }

    assertThat(pages)
        .containsExactly(
            List.of("observed only", "tick a"),
            List.of("tick b", "tick c"),
            List.of("retrying payment", "payment failed: card"),
            List.of("started"));
  }

  @Test
  void filtersByServiceSeverityTextAndTrace() {
    assertThat(bodies(WINDOW.withService("api")))
        .containsExactly("observed only", "payment failed: card", "started");
    assertThat(bodies(WINDOW.withMinSeverity(13)))
        .containsExactly("retrying payment", "payment failed: card");
    assertThat(bodies(WINDOW.withText("payment")))
        .containsExactly("retrying payment", "payment failed: card");
    assertThat(bodies(WINDOW.withTraceId("t1").withService("api")))
        .containsExactly("payment failed: card");
    assertThat(bodies(WINDOW.withText("' OR 1 = 1 --"))).isEmpty();
  }

  @Test
  void readsEveryColumn() {
    LogEntry entry = repository.search(WINDOW.withText("observed")).logs().getFirst();

    assertThat(entry)
        .isEqualTo(
            new LogEntry(
                T0.plusSeconds(4),
                T0.plusSeconds(4),
                5,
                "DEBUG",
                "observed only",
                "",
                "",
                "api",
                Map.of("k", "v"),
                Map.of("host.name", "h1"),
                "scope"));
  }

  @Test
  void logsOfOneTraceOldestFirstWithinTheWindow() {
    assertThat(repository.traceLogs("t1", T0, T0.plusSeconds(60)))
        .extracting(LogEntry::body, LogEntry::spanId)
        .containsExactly(tuple("payment failed: card", "s1"), tuple("retrying payment", "s2"));
  }

  private static List<String> bodies(LogQuery query) {
    return repository.search(query).logs().stream().map(LogEntry::body).toList();
  }

  private static String log(
      Instant time,
      int severity,
      String severityText,
      String body,
      String traceId,
      String spanId,
      String service) {
    return "(toDateTime("
        + time.getEpochSecond()
        + "), "
        + nanos(time)
        + ", "
        + nanos(time)
        + ", "
        + severity
        + ", "
        + ClickHouseStore.quote(severityText)
        + ", "
        + ClickHouseStore.quote(body)
        + ", "
        + ClickHouseStore.quote(traceId)
        + ", "
        + ClickHouseStore.quote(spanId)
        + ", 0, "
        + ClickHouseStore.quote(service)
        + ", [], [], [], [], '', '')";
  }

  private static long nanos(Instant time) {
    return time.getEpochSecond() * 1_000_000_000L + time.getNano();
  }
}
