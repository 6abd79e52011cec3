package dev.meerkat.dashboard.alerting.store;

import static dev.meerkat.dashboard.alerting.store.Times.instant;
import static dev.meerkat.dashboard.alerting.store.Times.utc;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.store.slo.AlertState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Alert states in {@code alert_states}; changes and their outbox rows in one transaction. */
public final class JdbcAlertStore implements AlertStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JdbcOutbox outbox;
  private final JdbcRoutingStore suppressions;

  public JdbcAlertStore(JdbcClient jdbc, TransactionTemplate transactions, JdbcOutbox outbox) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.outbox = outbox;
    this.suppressions = new JdbcRoutingStore(jdbc);
  }

  @Override
  public Map<String, AlertStatus> currentStates() {
    Map<String, AlertStatus> states = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT slo_id, severity, state, incident_start, changed_at, version"
                + " FROM alert_states ORDER BY slo_id, severity")
        .query(
            (rs, row) ->
                new AlertStatus(
                    rs.getString("slo_id"),
                    Severity.valueOf(rs.getString("severity")),
                    AlertState.valueOf(rs.getString("state")),
                    instant(rs, "incident_start"),
                    instant(rs, "changed_at"),
                    rs.getLong("version")))
        .list()
        .forEach(status -> states.put(status.key(), status));
    return states;
  }

  @Override
  public void recordChange(
      AlertStatus next, List<OutboxEntry> notifications, List<Suppression> suppressed) {
    transactions.executeWithoutResult(
        tx -> {
          writeState(next);
          notifications.forEach(outbox::insert);
          suppressed.forEach(suppressions::recordSuppression);
        });
  }

  private void writeState(AlertStatus next) {
    if (next.version() == 1) {
      try {
        jdbc.sql(
                "INSERT INTO alert_states (alert_key, slo_id, severity, state, incident_start,"
                    + " changed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(
                key(next),
                next.sloId(),
                next.severity().name(),
                next.state().name(),
                utc(next.incidentStart()),
                utc(next.changedAt()),
                next.version())
            .update();
        return;
      } catch (DuplicateKeyException e) {
        throw new ConcurrentChangeException(next.sloId());
      }
    }
    int updated =
        jdbc.sql(
                "UPDATE alert_states SET state = ?, incident_start = ?, changed_at = ?, version = ?"
                    + " WHERE alert_key = ? AND version = ?")
            .params(
                next.state().name(),
                utc(next.incidentStart()),
                utc(next.changedAt()),
                next.version(),
                key(next),
                next.version() - 1)
            .update();
    if (updated != 1) {
      throw new ConcurrentChangeException(next.sloId());
    }
  }

  /** One burn-rate alert per SLO and severity. */
  private static String key(AlertStatus status) {
    return "slo:" + status.key();
  }
}
