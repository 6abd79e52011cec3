package dev.meerkat.dashboard.alerting.store;

import static dev.meerkat.dashboard.alerting.store.Times.instant;
import static dev.meerkat.dashboard.alerting.store.Times.utc;

import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.service.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox in {@code notification_outbox}, attempts in {@code delivery_attempts}. */
public final class JdbcOutbox implements Outbox {

  private static final String COLUMNS =
      "id, idempotency_key, alert_event_id, channel, endpoint, payload, status, attempts,"
          + " next_attempt_at, last_error, created_at, channel_id, is_test, group_key";
  private static final int MAX_ERROR = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final NotificationJson json = new NotificationJson();

  public JdbcOutbox(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public void enqueue(OutboxEntry entry) {
    insert(entry);
  }

  /** Inserts a new notification; joins the caller's transaction (the state change). */
  void insert(OutboxEntry entry) {
    jdbc.sql(
            "INSERT INTO notification_outbox ("
                + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            entry.id(),
            entry.idempotencyKey(),
            entry.alertEventId(),
            entry.channel(),
            entry.endpoint(),
            json.write(entry.notification()),
            entry.status().name(),
            entry.attempts(),
            utc(entry.nextAttemptAt()),
            truncate(entry.lastError()),
            utc(entry.createdAt()),
            entry.channelId().isEmpty() ? null : entry.channelId(),
            entry.test(),
            entry.groupKey().isEmpty() ? null : entry.groupKey(),
            utc(entry.createdAt()))
        .update();
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM notification_outbox WHERE status IN ('PENDING', 'RETRYING')"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at, id"
                + " FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param(utc(now))
        .query(this::entry)
        .list();
  }

  @Override
  public boolean recordAttempt(DeliveryAttempt attempt, Instant nextAttemptAt) {
    Boolean written =
        transactions.execute(
            tx -> {
              int updated =
                  jdbc.sql(
                          "UPDATE notification_outbox SET status = ?, attempts = ?,"
                              + " next_attempt_at = ?, last_error = ?, updated_at = ?"
                              + " WHERE id = ? AND attempts = ? AND status IN ('PENDING', 'RETRYING')")
                      .params(
                          attempt.outcome().name(),
                          attempt.attempt(),
                          utc(nextAttemptAt),
                          truncate(attempt.error()),
                          utc(attempt.attemptedAt().plus(attempt.latency())),
                          attempt.outboxId(),
                          attempt.attempt() - 1)
                      .update();
              if (updated != 1) {
                return false;
              }
              jdbc.sql(
                      "INSERT INTO delivery_attempts (outbox_id, attempt, attempted_at,"
                          + " status_code, latency_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?)")
                  .params(
                      attempt.outboxId(),
                      attempt.attempt(),
                      utc(attempt.attemptedAt()),
                      attempt.statusCode(),
                      attempt.latency().toMillis(),
                      attempt.outcome().name(),
                      truncate(attempt.error()))
                  .update();
              return true;
            });
    return Boolean.TRUE.equals(written);
  }

  @Override
  public Optional<OutboxEntry> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE id = ?")
        .param(id)
        .query(this::entry)
        .optional();
  }

  @Override
  public boolean resend(String id, Instant now) {
    return jdbc.sql(
                "UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ?,"
                    + " updated_at = ? WHERE id = ? AND status = 'DEAD'")
            .params(utc(now), utc(now), id)
            .update()
        == 1;
  }

  @Override
  public Optional<Instant> groupSendTime(String groupKey) {
    return jdbc.sql(
            "SELECT MIN(next_attempt_at) AS due FROM notification_outbox WHERE group_key = ?"
                + " AND status = 'PENDING' AND attempts = 0")
        .param(groupKey)
        .query((rs, row) -> Optional.ofNullable(instant(rs, "due")))
        .single();
  }

  @Override
  public List<OutboxEntry> recent(Instant from, Instant to, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM notification_outbox WHERE created_at >= ? AND created_at < ?"
                + " ORDER BY created_at DESC, id"
                + Times.page(offset, limit))
        .params(utc(from), utc(to))
        .query(this::entry)
        .list();
  }

  /** Every notification, oldest first: for the delivery log and tests. */
  public List<OutboxEntry> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox ORDER BY created_at, id")
        .query(this::entry)
        .list();
  }

  @Override
  public List<DeliveryAttempt> attempts(String outboxId) {
    return jdbc.sql(
            "SELECT outbox_id, attempt, attempted_at, status_code, latency_ms, outcome, error"
                + " FROM delivery_attempts WHERE outbox_id = ? ORDER BY attempt")
        .param(outboxId)
        .query(
            (rs, row) ->
                new DeliveryAttempt(
                    rs.getString("outbox_id"),
                    rs.getInt("attempt"),
                    instant(rs, "attempted_at"),
                    rs.getInt("status_code"),
                    Duration.ofMillis(rs.getLong("latency_ms")),
                    DeliveryStatus.valueOf(rs.getString("outcome")),
                    rs.getString("error")))
        .list();
  }

  @Override
  public Map<String, OutboxEntry> byAlertEvent(Collection<String> alertEventIds) {
    Map<String, OutboxEntry> byEvent = new LinkedHashMap<>();
    if (alertEventIds.isEmpty()) {
      return byEvent;
    }
    jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE alert_event_id IN (:ids)")
        .param("ids", List.copyOf(alertEventIds))
        .query(this::entry)
        .list()
        .forEach(entry -> byEvent.put(entry.alertEventId(), entry));
    return byEvent;
  }

  private OutboxEntry entry(ResultSet rs, int row) throws SQLException {
    return new OutboxEntry(
        rs.getString("id"),
        rs.getString("idempotency_key"),
        rs.getString("alert_event_id"),
        rs.getString("channel"),
        rs.getString("endpoint"),
        json.read(rs.getString("payload")),
        DeliveryStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        rs.getString("channel_id"),
        rs.getBoolean("is_test"),
        rs.getString("group_key"));
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
