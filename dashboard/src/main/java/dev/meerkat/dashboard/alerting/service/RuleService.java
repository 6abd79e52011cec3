package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricRuleDraft;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState;
import dev.meerkat.dashboard.security.domain.Audited;
import java.time.Clock;
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

  public Map<String, RuleGroupState> states(String ruleId) {
    return rules.states(ruleId);
  }

  /** The saved rule, or the problems to show. */
  public record SaveResult(Optional<MetricRule> saved, List<String> problems) {}

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "save", object = "rule")
  public SaveResult save(Optional<String> id, MetricRuleDraft draft) {
    List<String> problems = draft.problems();
    if (!problems.isEmpty()) {
      return new SaveResult(Optional.empty(), problems);
    }
    MetricRule rule = draft.toRule(id.orElseGet(() -> UUID.randomUUID().toString()), true);
    rules.save(rule, clock.instant());
    return new SaveResult(Optional.of(rule), List.of());
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "delete", object = "rule")
  public boolean delete(String id) {
    return rules.delete(id);
  }
}
