package dev.meerkat.dashboard.alerting.store;

import static dev.meerkat.dashboard.alerting.store.Times.instant;
import static dev.meerkat.dashboard.alerting.store.Times.utc;

import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.dashboard.alerting.service.MetricRuleStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Metric rules in {@code alert_rules} (kind {@code METRIC}, the rule as JSON in {@code definition},
 * routing labels in {@code labels}); group states in {@code metric_rule_states}.
 */
public final class JdbcMetricRuleStore implements MetricRuleStore {

  private static final String KIND = "METRIC";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JdbcOutbox outbox;
  private final JdbcRoutingStore routing;
  private final StateJson json = new StateJson();

  public JdbcMetricRuleStore(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      JdbcOutbox outbox,
      JdbcRoutingStore routing) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.outbox = outbox;
    this.routing = routing;
  }

  @Override
  public List<MetricRule> rules() {
    return jdbc.sql(
            "SELECT id, name, definition, labels, enabled FROM alert_rules WHERE kind = ?"
                + " ORDER BY name, id")
        .param(KIND)
        .query(this::rule)
        .list();
  }

  @Override
  public Optional<MetricRule> find(String id) {
    return jdbc.sql(
            "SELECT id, name, definition, labels, enabled FROM alert_rules WHERE kind = ? AND id = ?")
        .params(KIND, id)
        .query(this::rule)
        .optional();
  }

  @Override
  public void save(MetricRule rule, Instant now) {
    Map<String, String> definition = new LinkedHashMap<>();
    definition.put("series", rule.series().name());
    definition.put("service", rule.service());
    definition.put("comparison", rule.comparison().name());
    definition.put("threshold", Double.toString(rule.threshold()));
    definition.put("windowSeconds", Long.toString(rule.window().toSeconds()));
    definition.put("forSeconds", Long.toString(rule.forDuration().toSeconds()));
    definition.put("noData", rule.noData().name());
    definition.put("repeatSeconds", Long.toString(rule.repeatInterval().toSeconds()));
    definition.put("metricName", rule.metricName());
    transactions.executeWithoutResult(
        tx -> {
          int updated =
              jdbc.sql(
                      "UPDATE alert_rules SET version = version + 1, name = ?, definition = ?,"
                          + " labels = ?, enabled = ?, updated_at = ? WHERE id = ? AND kind = ?")
                  .params(
                      rule.name(),
                      json.write(definition),
                      json.write(rule.labels()),
                      rule.enabled(),
                      utc(now),
                      rule.id(),
                      KIND)
                  .update();
          if (updated == 0) {
            jdbc.sql(
                    "INSERT INTO alert_rules (id, version, kind, name, slo_id, definition, labels,"
                        + " enabled, updated_at) VALUES (?, 1, ?, ?, NULL, ?, ?, ?, ?)")
                .params(
                    rule.id(),
                    KIND,
                    rule.name(),
                    json.write(definition),
                    json.write(rule.labels()),
                    rule.enabled(),
                    utc(now))
                .update();
          }
        });
  }

  @Override
  public boolean delete(String id) {
    Boolean deleted =
        transactions.execute(
            tx -> {
              jdbc.sql("DELETE FROM metric_rule_states WHERE rule_id = ?").param(id).update();
              return jdbc.sql("DELETE FROM alert_rules WHERE id = ? AND kind = ?")
                      .params(id, KIND)
                      .update()
                  == 1;
            });
    return Boolean.TRUE.equals(deleted);
  }

  @Override
  public Map<String, RuleGroupState> states(String ruleId) {
    Map<String, RuleGroupState> states = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT rule_id, group_key, state, pending_since, incident_start, last_notified,"
                + " version FROM metric_rule_states WHERE rule_id = ? ORDER BY group_key")
        .param(ruleId)
        .query(
            (rs, row) ->
                new RuleGroupState(
                    rs.getString("rule_id"),
                    rs.getString("group_key"),
                    RuleGroupState.Phase.valueOf(rs.getString("state")),
                    instant(rs, "pending_since"),
                    instant(rs, "incident_start"),
                    instant(rs, "last_notified"),
                    rs.getLong("version")))
        .list()
        .forEach(s -> states.put(s.group(), s));
    return states;
  }

  @Override
  public void recordChange(
      RuleGroupState next, List<OutboxEntry> notifications, List<Suppression> suppressions) {
    transactions.executeWithoutResult(
        tx -> {
          writeState(next);
          notifications.forEach(outbox::insert);
          suppressions.forEach(routing::recordSuppression);
        });
  }

  private void writeState(RuleGroupState next) {
    String alert = next.ruleId() + "/" + next.group();
    if (next.version() == 1) {
      try {
        jdbc.sql(
                "INSERT INTO metric_rule_states (rule_id, group_key, state, pending_since,"
                    + " incident_start, last_notified, version) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(
                next.ruleId(),
                next.group(),
                next.state().name(),
                utc(next.pendingSince()),
                utc(next.incidentStart()),
                utc(next.lastNotified()),
                next.version())
            .update();
        return;
      } catch (DuplicateKeyException e) {
        throw new AlertStore.ConcurrentChangeException(alert);
      }
    }
    int updated =
        jdbc.sql(
                "UPDATE metric_rule_states SET state = ?, pending_since = ?, incident_start = ?,"
                    + " last_notified = ?, version = ? WHERE rule_id = ? AND group_key = ?"
                    + " AND version = ?")
            .params(
                next.state().name(),
                utc(next.pendingSince()),
                utc(next.incidentStart()),
                utc(next.lastNotified()),
                next.version(),
                next.ruleId(),
                next.group(),
                next.version() - 1)
            .update();
    if (updated != 1) {
      throw new AlertStore.ConcurrentChangeException(alert);
    }
  }

  private MetricRule rule(ResultSet rs, int row) throws SQLException {
    Map<String, String> d = json.readMap(rs.getString("definition"));
    return new MetricRule(
        rs.getString("id"),
        rs.getString("name"),
        MetricSeries.valueOf(d.get("series")),
        d.getOrDefault("service", ""),
        MetricRule.Comparison.valueOf(d.get("comparison")),
        Double.parseDouble(d.get("threshold")),
        Duration.ofSeconds(Long.parseLong(d.get("windowSeconds"))),
        Duration.ofSeconds(Long.parseLong(d.get("forSeconds"))),
        MetricRule.NoData.valueOf(d.get("noData")),
        Duration.ofSeconds(Long.parseLong(d.get("repeatSeconds"))),
        json.readMap(rs.getString("labels")),
        rs.getBoolean("enabled"),
        d.getOrDefault("metricName", ""));
  }
}
