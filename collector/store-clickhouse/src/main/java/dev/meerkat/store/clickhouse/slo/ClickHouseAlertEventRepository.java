package dev.meerkat.store.clickhouse.slo;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AlertEventRepository} over {@code alert_events}. Event times have second precision; the
 * evaluator writes at most one event per SLO per evaluation, so "latest" is unambiguous.
 */
public final class ClickHouseAlertEventRepository implements AlertEventRepository {

  private static final String COLUMNS =
      "SELECT event_id, slo_id, slo_name, service_name, toString(state) AS event_state,"
          + " toUInt32(event_time) AS event_epoch, burn_rate, threshold, severity"
          + " FROM alert_events";

  private final ClickHouseStore store;

  public ClickHouseAlertEventRepository(ClickHouseStore store) {
    this.store = store;
  }

  /**
   * The delivery columns of V0008 are no longer written with content: delivery status lives with
   * the dashboard's notification outbox. They are filled with empty values so the table needs no
   * migration on either ClickHouse version.
   */
  @Override
  public void append(AlertEvent e) {
    store.execute(
        "INSERT INTO alert_events (event_id, slo_id, slo_name, service_name, state, event_time,"
            + " burn_rate, threshold, delivery_status, delivery_attempts, delivery_detail,"
            + " severity) VALUES ("
            + String.join(
                ", ",
                quote(e.eventId()),
                quote(e.sloId()),
                quote(e.sloName()),
                quote(e.service()),
                quote(e.state().name()),
                "toDateTime(" + e.eventTime().getEpochSecond() + ")",
                finite(e.burnRate()),
                finite(e.threshold()),
                "''",
                "0",
                "''",
                quote(e.severity()))
            + ")");
  }

  @Override
  public Optional<AlertEvent> latest(String sloId) {
    return store
        .query(COLUMNS + " WHERE slo_id = " + quote(sloId) + " ORDER BY event_time DESC LIMIT 1")
        .stream()
        .findFirst()
        .map(ClickHouseAlertEventRepository::event);
  }

  @Override
  public Map<String, AlertEvent> latestPerSlo() {
    Map<String, AlertEvent> latest = new LinkedHashMap<>();
    store
        .query(COLUMNS + " ORDER BY slo_id, event_time DESC LIMIT 1 BY slo_id")
        .forEach(row -> latest.put(row.string("slo_id"), event(row)));
    return latest;
  }

  @Override
  public List<AlertEvent> history(int offset, int limit) {
    return page("", offset, limit);
  }

  @Override
  public List<AlertEvent> history(Instant from, Instant to, int offset, int limit) {
    // A whole second s satisfies from <= s < to exactly when ceil(from) <= s < ceil(to); plain
    // comparisons on event_time keep the monthly partitions pruned.
    return page(
        " WHERE event_time >= toDateTime("
            + ceilSeconds(from)
            + ") AND event_time < toDateTime("
            + ceilSeconds(to)
            + ")",
        offset,
        limit);
  }

  /** One page of the events {@code where} keeps, newest first (ties by SLO id, then event id). */
  private List<AlertEvent> page(String where, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must be >= 0");
    }
    return store
        .query(
            COLUMNS
                + where
                + " ORDER BY event_time DESC, slo_id, event_id LIMIT "
                + offset
                + ", "
                + limit)
        .stream()
        .map(ClickHouseAlertEventRepository::event)
        .toList();
  }

  private static long ceilSeconds(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }

  /** ClickHouse accepts inf/nan literals, but a burn rate without traffic is stored as 0. */
  private static String finite(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "0";
  }

  private static AlertEvent event(Row row) {
    return new AlertEvent(
        row.string("event_id"),
        row.string("slo_id"),
        row.string("slo_name"),
        row.string("service_name"),
        AlertState.valueOf(row.string("event_state")),
        Instant.ofEpochSecond(row.longValue("event_epoch")),
        row.doubleValue("burn_rate"),
        row.doubleValue("threshold"),
        row.string("severity"));
  }
}
