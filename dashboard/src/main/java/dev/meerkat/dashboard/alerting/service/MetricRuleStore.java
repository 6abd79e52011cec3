package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Metric rules (in {@code alert_rules}) and the state of each of their groups. */
public interface MetricRuleStore {

  List<MetricRule> rules();

  Optional<MetricRule> find(String id);

  void save(MetricRule rule, Instant now);

  boolean delete(String id);

  /** The stored group states of one rule, by group. */
  Map<String, RuleGroupState> states(String ruleId);

  /**
   * In ONE transaction: writes {@code next} over version {@code next.version() - 1}, the outbox
   * rows and the suppressions.
   *
   * @throws AlertStore.ConcurrentChangeException when another process changed the state
   */
  void recordChange(
      RuleGroupState next, List<OutboxEntry> notifications, List<Suppression> suppressions);
}
