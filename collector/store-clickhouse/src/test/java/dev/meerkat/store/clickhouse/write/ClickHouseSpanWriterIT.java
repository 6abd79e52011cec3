package dev.meerkat.store.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanLink;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClickHouseSpanWriterIT {

  // 2026-11-21T10:15:30.123456789Z
  private static final long START = 1_795_256_130_123_456_789L;
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();

  private ClickHouseStore store;

  @BeforeEach
  void createDatabase() {
    store = clickHouse.newDatabase();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static SpanRecord span(
      String spanId, String service, long startNanos, long durationNanos, SpanStatus status) {
    return new SpanRecord(
        startNanos,
        durationNanos,
        "0af7651916cd43dd8448eb211c80319c",
        spanId,
        "",
        "",
        service,
        "GET /owners/{id}",
        SpanKind.SERVER,
        status,
        status == SpanStatus.ERROR ? "boom" : "",
        "GET",
        "/owners/{id}",
        status == SpanStatus.ERROR ? 500 : 200,
        "",
        1.0,
        List.of("http.request.method", "thread.name"),
        List.of("GET", "exec-1"),
        List.of("service.name"),
        List.of(service),
        "io.opentelemetry.tomcat",
        "2.0");
  }

  @Test
  void roundTripsEveryColumn() {
    SpanRecord written =
        new SpanRecord(
            START,
            1_500_000,
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            "00f067aa0ba902b7",
            "vendor=x",
            "petclinic",
            "SELECT owners",
            SpanKind.CLIENT,
            SpanStatus.ERROR,
            "it's\tbroken",
            "",
            "",
            0,
            "postgres",
            4.0,
            List.of("db.system", "db.statement"),
            List.of("postgresql", "SELECT * FROM owners WHERE name = 'x'\n"),
            List.of("service.name", "host.name"),
            List.of("petclinic", "vm-1"),
            "io.opentelemetry.jdbc",
            "2.1",
            List.of(
                new SpanEvent(
                    START + 1_000,
                    "exception",
                    List.of("exception.type", "exception.message", "exception.stacktrace"),
                    List.of(
                        "java.sql.SQLException",
                        "relation 'owners' does not exist",
                        "java.sql.SQLException: relation\n\tat Dao.find(Dao.java:42)\n")),
                new SpanEvent(START + 2_000, "retry", List.of(), List.of())),
            List.of(
                new SpanLink(
                    "11111111111111111111111111111111",
                    "2222222222222222",
                    "k=v",
                    List.of("messaging.batch"),
                    List.of("3"))));

    ClickHouseSpanWriter.create(store).write(List.of(written));

    List<Row> rows = store.query("SELECT * FROM spans");
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.columns())
        .containsExactlyElementsOf(
            Stream.concat(ClickHouseSpanWriter.COLUMNS.stream(), Stream.of("batch_token"))
                .toList());
    assertThat(
            store
                .query("SELECT toUnixTimestamp(start_time) AS s FROM spans LIMIT 1")
                .get(0)
                .longValue("s"))
        .isEqualTo(START / 1_000_000_000L);
    assertThat(row.longValue("start_time_unix_nano")).isEqualTo(START);
    assertThat(row.longValue("duration_nanos")).isEqualTo(1_500_000);
    assertThat(row.string("trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(row.string("span_id")).isEqualTo("b7ad6b7169203331");
    assertThat(row.string("parent_span_id")).isEqualTo("00f067aa0ba902b7");
    assertThat(row.string("trace_state")).isEqualTo("vendor=x");
    assertThat(row.string("service_name")).isEqualTo("petclinic");
    assertThat(row.string("span_name")).isEqualTo("SELECT owners");
    assertThat(row.string("span_kind")).isEqualTo("CLIENT");
    assertThat(row.string("status_code")).isEqualTo("ERROR");
    assertThat(row.string("status_message")).isEqualTo("it's\tbroken");
    assertThat(row.string("http_method")).isEmpty();
    assertThat(row.longValue("http_status_code")).isZero();
    assertThat(row.string("peer_service")).isEqualTo("postgres");
    assertThat(row.doubleValue("sample_rate")).isEqualTo(4.0);
    assertThat(row.strings("attribute_keys")).containsExactly("db.system", "db.statement");
    assertThat(row.strings("attribute_values"))
        .containsExactly("postgresql", "SELECT * FROM owners WHERE name = 'x'\n");
    assertThat(row.strings("resource_keys")).containsExactly("service.name", "host.name");
    assertThat(row.strings("resource_values")).containsExactly("petclinic", "vm-1");
    assertThat(row.string("scope_name")).isEqualTo("io.opentelemetry.jdbc");
    assertThat(row.string("scope_version")).isEqualTo("2.1");
    assertThat(row.strings("event_time_unix_nanos"))
        .containsExactly(Long.toString(START + 1_000), Long.toString(START + 2_000));
    assertThat(row.strings("event_names")).containsExactly("exception", "retry");
    assertThat(row.string("event_attribute_keys"))
        .isEqualTo("[['exception.type','exception.message','exception.stacktrace'],[]]");
    assertThat(
            store.query(
                "SELECT event_names[1] AS name, event_attribute_values[1][3] AS stacktrace,"
                    + " event_attribute_values[1][2] AS message FROM spans"))
        .extracting(
            r -> r.string("name") + "|" + r.string("message") + "|" + r.string("stacktrace"))
        .containsExactly(
            "exception|relation 'owners' does not exist|"
                + "java.sql.SQLException: relation\n\tat Dao.find(Dao.java:42)\n");
    assertThat(row.strings("link_trace_ids")).containsExactly("11111111111111111111111111111111");
    assertThat(row.strings("link_span_ids")).containsExactly("2222222222222222");
    assertThat(row.strings("link_trace_states")).containsExactly("k=v");
    assertThat(row.string("link_attribute_keys")).isEqualTo("[['messaging.batch']]");
    assertThat(row.string("link_attribute_values")).isEqualTo("[['3']]");
    assertThat(store.query("SELECT trace_id, service_name, span_id FROM trace_index"))
        .extracting(
            r -> r.string("trace_id") + "/" + r.string("service_name") + "/" + r.string("span_id"))
        .containsExactly("0af7651916cd43dd8448eb211c80319c/petclinic/b7ad6b7169203331");
  }

  @Test
  void redRollupCountsSpansPerMinuteErrorAndLatencyBucket() {
    long minute = START - START % 60_000_000_000L;
    ClickHouseSpanWriter.create(store)
        .write(
            List.of(
                // 1 ms -> log2(1000 us) * 4 = 39.86 -> bucket 39
                span("0000000000000001", "api", minute + 1_000_000_000L, 1_000_000, SpanStatus.OK),
                span("0000000000000002", "api", minute + 2_000_000_000L, 1_000_000, SpanStatus.OK),
                // 0.5 us -> clamped to 1 us -> bucket 0
                span("0000000000000003", "api", minute + 3_000_000_000L, 500, SpanStatus.ERROR),
                // next minute, 1 s -> log2(1e6) * 4 = 79.7 -> bucket 79
                span(
                    "0000000000000004",
                    "api",
                    minute + 61_000_000_000L,
                    1_000_000_000L,
                    SpanStatus.OK)));

    List<Row> rows =
        store.query(
            "SELECT toUnixTimestamp(minute) AS m, is_error, latency_bucket,"
                + " sum(span_count) AS spans, sum(duration_nanos_sum) AS nanos"
                + " FROM span_red_1m WHERE service_name = 'api'"
                + " GROUP BY m, is_error, latency_bucket ORDER BY m, is_error, latency_bucket");

    long m = minute / 1_000_000_000L;
    assertThat(rows)
        .extracting(
            r ->
                (r.longValue("m") - m)
                    + " err="
                    + r.longValue("is_error")
                    + " b="
                    + r.longValue("latency_bucket")
                    + " n="
                    + r.doubleValue("spans")
                    + " d="
                    + r.doubleValue("nanos"))
        .containsExactly(
            "0 err=0 b=39 n=2.0 d=2000000.0",
            "0 err=1 b=0 n=1.0 d=500.0",
            "60 err=0 b=79 n=1.0 d=1.0E9");
  }

  @Test
  void failedWriteRaisesStoreException() {
    store.execute("DROP TABLE span_red_1m_mv");
    store.execute("DROP TABLE spans");

    assertThatThrownBy(
            () ->
                ClickHouseSpanWriter.create(store)
                    .write(List.of(span("0000000000000001", "api", START, 1, SpanStatus.OK))))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("insert into spans failed with HTTP 404");
  }
}
