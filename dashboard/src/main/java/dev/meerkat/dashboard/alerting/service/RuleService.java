package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricRuleDraft;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState;
import dev.meerkat.dashboard.security.domain.Audited;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;

/** Metric rules for the UI: list with their group states, save with validation, delete. */
public class RuleService {

  private final MetricRuleStore rules;
  private final Clock clock;

  public RuleService(MetricRuleStore rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  public List<MetricRule> list() {
    return rules.rules();
  }

  public Optional<MetricRule> find(String id) {
    return rules.find(id);
  }

  public Map<String, RuleGroupState> states(String ruleId) {
    return rules.states(ruleId);
  }

  /** The saved rule, or the problems to show. */
  public record SaveResult(Optional<MetricRule> saved, List<String> problems) {}

  /**
   * Saves a new rule (no id) or a new definition of an existing one. An edit keeps the rule's group
   * states; it cannot change what the rule measures (series, metric, service), which defines its
   * groups: that is a new rule.
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "save", object = "rule")
  public SaveResult save(Optional<String> id, MetricRuleDraft draft) {
    List<String> problems = new ArrayList<>(draft.problems());
    id.flatMap(rules::find).ifPresent(stored -> problems.addAll(scopeChanges(stored, draft)));
    if (!problems.isEmpty()) {
      return new SaveResult(Optional.empty(), problems);
    }
    MetricRule rule = draft.toRule(id.orElseGet(() -> UUID.randomUUID().toString()), true);
    rules.save(rule, clock.instant());
    return new SaveResult(Optional.of(rule), List.of());
  }

  private static List<String> scopeChanges(MetricRule stored, MetricRuleDraft draft) {
    String service = draft.service() == null ? "" : draft.service().strip();
    String metric = draft.metricName() == null ? "" : draft.metricName().strip();
    if (stored.series() == draft.series()
        && stored.service().equals(service)
        && stored.metricName().equals(draft.series() == MetricSeries.METRIC ? metric : "")) {
      return List.of();
    }
    return List.of(
        "Series, metric and service cannot change on an existing rule (they define its alert"
            + " groups); create a new rule and delete this one");
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "delete", object = "rule")
  public boolean delete(String id) {
    return rules.delete(id);
  }
}
