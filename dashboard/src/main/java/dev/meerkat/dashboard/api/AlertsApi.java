package dev.meerkat.dashboard.api;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLO alerts firing now, and one page of the alert history of a time range with each delivery's
 * outcome.
 */
@RestController
class AlertsApi {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  private final AlertStore states;
  private final AlertHistoryService history;
  private final SloRepository slos;
  private final Clock clock;

  AlertsApi(AlertStore states, AlertHistoryService history, SloRepository slos, Clock clock) {
    this.states = states;
    this.history = history;
    this.slos = slos;
    this.clock = clock;
  }

  /** {@code active} is now, whatever the range; {@code history} is the range {@code [from, to)}. */
  record Alerts(Instant from, Instant to, List<Active> active, List<HistoryEntry> history) {}

  /** A firing alert: since the start of its incident. */
  record Active(String sloId, String sloName, String service, String severity, Instant since) {}

  /** A state change; {@code delivery} is the outbox status, null when the SLO had no channel. */
  record HistoryEntry(
      String eventId,
      Instant time,
      String sloId,
      String sloName,
      String service,
      String severity,
      String state,
      double burnRate,
      double threshold,
      String delivery,
      Integer attempts) {
    static HistoryEntry of(AlertHistoryService.Entry entry) {
      AlertEvent e = entry.event();
      Optional<OutboxEntry> sent = entry.notification();
      return new HistoryEntry(
          e.eventId(),
          e.eventTime(),
          e.sloId(),
          e.sloName(),
          e.service(),
          e.severity(),
          e.state().wireName(),
          e.burnRate(),
          e.threshold(),
          sent.map(n -> n.status().name()).orElse(null),
          sent.map(OutboxEntry::attempts).orElse(null));
    }
  }

  @GetMapping("/api/v1/alerts")
  Alerts alerts(
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window,
      @RequestParam(name = "offset", required = false) String offset,
      @RequestParam(name = "limit", required = false) String limit) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    List<HistoryEntry> page =
        history.history(range.from(), range.to(), Parameters.offset(offset), limit(limit)).stream()
            .map(HistoryEntry::of)
            .toList();
    return new Alerts(range.from(), range.to(), active(), page);
  }

  /** Firing alerts of SLOs that still exist, longest firing first. */
  private List<Active> active() {
    Map<String, SloDefinition> byId =
        slos.listCurrent().stream()
            .collect(Collectors.toMap(SloDefinition::id, Function.identity()));
    return states.currentStates().values().stream()
        .filter(status -> status.state().isFiring() && byId.containsKey(status.sloId()))
        .sorted(
            Comparator.comparing(AlertStatus::incidentStart).thenComparing(status -> status.key()))
        .map(
            status -> {
              SloDefinition slo = byId.get(status.sloId());
              return new Active(
                  slo.id(),
                  slo.name(),
                  slo.service(),
                  status.severity().wireName(),
                  status.incidentStart());
            })
        .toList();
  }

  /** A page of alert history or delivery log: {@value #DEFAULT_LIMIT} rows when absent. */
  static int limit(String limit) {
    return Parameters.integer("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  }
}
