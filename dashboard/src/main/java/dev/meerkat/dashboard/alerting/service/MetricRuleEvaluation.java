package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricRuleStep;
import dev.meerkat.dashboard.alerting.domain.MetricRuleStep.Announcement;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.notify.RuleDetails;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every enabled metric rule, one alert per group (service). A change is stored with its
 * routed notifications in one transaction (the outbox SLO alerts use), then FIRING and RESOLVED are
 * appended to the alert history in ClickHouse (as SLO alerts are, with the id {@code rule:<rule
 * id>/<service>}). Runs in the lease-holding process, on the evaluator's clock.
 */
public final class MetricRuleEvaluation {

  private static final Logger logger = LoggerFactory.getLogger(MetricRuleEvaluation.class);

  private final MetricRuleStore rules;
  private final RedSeriesReader reader;
  private final NotificationRouter router;
  private final AlertEventRepository history;
  private final String dashboardUrl;

  public MetricRuleEvaluation(
      MetricRuleStore rules,
      RedSeriesReader reader,
      NotificationRouter router,
      AlertEventRepository history,
      String publicUrl) {
    this.rules = rules;
    this.reader = reader;
    this.router = router;
    this.history = history;
    this.dashboardUrl = publicUrl.replaceAll("/+$", "") + "/rules";
  }

  /** Evaluates every enabled rule at {@code now}; returns the history events appended. */
  public List<AlertEvent> evaluateAll(Instant now) {
    List<AlertEvent> events = new ArrayList<>();
    for (MetricRule rule : rules.rules()) {
      if (!rule.enabled()) {
        continue;
      }
      try {
        evaluate(rule, now, events);
      } catch (RuntimeException e) {
        // One broken rule must not stop the others; it is evaluated again next round.
        logger.warn("Evaluating rule {} ({}) failed", rule.id(), rule.name(), e);
      }
    }
    return events;
  }

  private void evaluate(MetricRule rule, Instant now, List<AlertEvent> events) {
    Map<String, RuleGroupState> states = rules.states(rule.id());
    // Groups with traffic now, plus groups known from before: a service that went silent is
    // still evaluated, so no-data can fire and a firing alert can resolve.
    TreeSet<String> groups = new TreeSet<>(states.keySet());
    if (rule.everyService()) {
      groups.addAll(reader.services(rule, now));
    } else {
      groups.add(rule.service());
    }
    for (String group : groups) {
      RuleGroupState current = states.getOrDefault(group, RuleGroupState.initial(rule.id(), group));
      OptionalDouble value = reader.read(rule, group, now);
      MetricRuleStep step = MetricRuleStep.evaluate(rule, current, value, now);
      if (step.changed()) {
        record(rule, group, step, now).ifPresent(events::add);
      }
    }
  }

  private Optional<AlertEvent> record(
      MetricRule rule, String group, MetricRuleStep step, Instant now) {
    if (step.announce() == Announcement.NONE) {
      rules.recordChange(step.next(), List.of(), List.of());
      return Optional.empty();
    }
    AlertState state =
        step.announce() == Announcement.RESOLVED ? AlertState.RESOLVED : AlertState.FIRING;
    double value = step.value().orElse(Double.NaN);
    AlertEvent event =
        new AlertEvent(
            UUID.randomUUID().toString(),
            alertId(rule, group),
            rule.name(),
            group,
            state,
            now,
            Double.isNaN(value) ? 0 : value,
            rule.threshold());
    AlertNotification notification = notification(rule, group, step, state, value, now);
    NotificationRouter.Routed routed =
        router.route(rule.labelsOf(group), notification, event.eventId(), now);
    List<OutboxEntry> rows = routed.notifications();
    if (step.announce() == Announcement.REPEAT) {
      // A reminder announces the same incident, so the receiver gets the incident's key
      // (PagerDuty keeps one incident); only the outbox row's key is its own.
      String suffix = "#repeat-" + now.getEpochSecond();
      rows =
          rows.stream().map(row -> row.withIdempotencyKey(row.idempotencyKey() + suffix)).toList();
    }
    rules.recordChange(step.next(), rows, routed.suppressions());
    if (step.announce() == Announcement.REPEAT) {
      return Optional.empty(); // A reminder, not a change: no history event.
    }
    // After the commit, as for SLO alerts: a crash here loses this history row only.
    history.append(event);
    logger.info("Rule {} ({}) is now {}", rule.name(), group, state);
    return Optional.of(event);
  }

  private AlertNotification notification(
      MetricRule rule,
      String group,
      MetricRuleStep step,
      AlertState state,
      double value,
      Instant now) {
    Map<String, String> labels = rule.labelsOf(group);
    RuleDetails details =
        new RuleDetails(
            rule.id(),
            rule.name(),
            rule.series() == MetricSeries.METRIC ? rule.metricName() : rule.series().label(),
            rule.series().unit(),
            rule.comparison().name().toLowerCase(Locale.ROOT),
            rule.threshold(),
            step.value().isPresent() ? value : Double.NaN,
            rule.window(),
            rule.forDuration(),
            Map.of("service", group));
    return new AlertNotification(
        state,
        alertId(rule, group),
        rule.name(),
        group,
        0,
        rule.window(),
        // JSON has no NaN: no data is 0 here; the rule details say "no data".
        Double.isNaN(value) ? 0 : value,
        rule.threshold(),
        1,
        now,
        step.next().incidentStart(),
        dashboardUrl,
        "ticket".equals(labels.get("severity")) ? AlertSeverity.TICKET : AlertSeverity.PAGE,
        details);
  }

  /** The alert's id in history and notifications. */
  public static String alertId(MetricRule rule, String group) {
    return "rule:" + rule.id() + "/" + group;
  }
}
