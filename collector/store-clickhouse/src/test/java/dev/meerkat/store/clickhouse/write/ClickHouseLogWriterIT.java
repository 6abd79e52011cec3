package dev.meerkat.store.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.model.LogRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClickHouseLogWriterIT {

  private static final long TIME = 1_795_256_130_123_456_789L; // 2026-11-21T10:15:30.123456789Z
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();

  @Test
  void roundTripsEveryColumnAndIndexesOnlyCorrelatedLogs() {
    try (ClickHouseStore store = clickHouse.newDatabase()) {
      LogRecord correlated =
          new LogRecord(
              TIME,
              TIME + 5,
              17,
              "ERROR",
              "payment failed:\n\tcard declined",
              "0af7651916cd43dd8448eb211c80319c",
              "b7ad6b7169203331",
              1,
              "payment.failed",
              "checkout",
              List.of("code.function", "retry"),
              List.of("pay", "2"),
              List.of("service.name"),
              List.of("checkout"),
              "org.slf4j",
              "2.0.17");
      LogRecord plain =
          new LogRecord(
              TIME + 1_000_000_000L,
              0,
              9,
              "INFO",
              "{\"started\":true}",
              "",
              "",
              0,
              "",
              "checkout",
              List.of(),
              List.of(),
              List.of("service.name"),
              List.of("checkout"),
              "",
              "");

      ClickHouseLogWriter.create(store).write(List.of(correlated, plain));

      List<Row> rows =
          store.query(
              "SELECT *, toUnixTimestamp(timestamp) AS seconds FROM logs ORDER BY timestamp");
      assertThat(rows.get(0).columns())
          .containsExactlyElementsOf(
              Stream.concat(
                      ClickHouseLogWriter.COLUMNS.stream(), Stream.of("batch_token", "seconds"))
                  .toList());
      assertThat(rows)
          .extracting(
              r ->
                  String.join(
                      "|",
                      r.string("seconds"),
                      r.string("time_unix_nano"),
                      r.string("observed_time_unix_nano"),
                      r.string("severity_number"),
                      r.string("severity_text"),
                      r.string("body"),
                      r.string("trace_id"),
                      r.string("span_id"),
                      r.string("flags"),
                      r.string("event_name"),
                      r.string("service_name"),
                      r.string("attribute_keys"),
                      r.string("attribute_values"),
                      r.string("resource_keys"),
                      r.string("resource_values"),
                      r.string("scope_name"),
                      r.string("scope_version")))
          .containsExactly(
              "1795256130|1795256130123456789|1795256130123456794|17|ERROR"
                  + "|payment failed:\n\tcard declined|0af7651916cd43dd8448eb211c80319c"
                  + "|b7ad6b7169203331|1|payment.failed|checkout|['code.function','retry']"
                  + "|['pay','2']|['service.name']|['checkout']|org.slf4j|2.0.17",
              "1795256131|1795256131123456789|0|9|INFO|{\"started\":true}|||0||checkout|[]|[]"
                  + "|['service.name']|['checkout']||");
      assertThat(store.query("SELECT trace_id, service_name, span_id FROM log_trace_index"))
          .extracting(
              r ->
                  r.string("trace_id") + "/" + r.string("service_name") + "/" + r.string("span_id"))
          .containsExactly("0af7651916cd43dd8448eb211c80319c/checkout/b7ad6b7169203331");
    }
  }
}
