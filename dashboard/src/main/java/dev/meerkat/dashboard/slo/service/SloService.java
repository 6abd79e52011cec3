package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.security.domain.Audited;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.SloDraft;
import dev.meerkat.dashboard.slo.domain.SloReading;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;

/** Creates, lists and deletes SLOs, with their SLI, error budget and burn rates. */
public class SloService {

  /** Services seen in this period are offered when creating an SLO. */
  static final Duration KNOWN_SERVICES_PERIOD = Duration.ofDays(7);

  private final SloRepository slos;
  private final SloAlertStates alerts;
  private final ServiceMetricsRepository metrics;
  private final EventCountSource events;
  private final Clock clock;

  public SloService(
      SloRepository slos,
      SloAlertStates alerts,
      ServiceMetricsRepository metrics,
      EventCountSource events,
      Clock clock) {
    this.slos = slos;
    this.alerts = alerts;
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Creates or updates the SLO the form describes; throws {@link IllegalArgumentException} listing
   * every problem of {@link SloDraft#problems()}.
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "save", object = "slo")
  public SloDefinition save(SloDraft draft, String webhookUrl, double minimumEvents) {
    return slos.save(
        StoredSlos.definition(
            draft.toObjective(),
            webhookUrl == null ? "" : webhookUrl.strip(),
            minimumEvents,
            "",
            clock.instant()));
  }

  /** Every SLO with its numbers, least error budget left first. */
  public List<SloStatus> statuses() {
    Instant now = clock.instant();
    Map<String, Set<String>> firing = alerts.firingSeverities();
    return slos.listCurrent().stream()
        .map(slo -> status(slo, firing.getOrDefault(slo.id(), Set.of()), now))
        .sorted(
            Comparator.comparingDouble(SloStatus::errorBudgetRemaining)
                .thenComparing(s -> s.definition().name()))
        .toList();
  }

  public Optional<SloStatus> status(String sloId) {
    Instant now = clock.instant();
    return slos.find(sloId)
        .map(slo -> status(slo, alerts.firingSeverities().getOrDefault(sloId, Set.of()), now));
  }

  /** Every SLO's numbers now, in name order: what {@code /metrics} exposes. */
  public List<SloReading> readings() {
    Instant now = clock.instant();
    return slos.listCurrent().stream()
        .map(slo -> SloReading.read(StoredSlos.objective(slo), events, now))
        .toList();
  }

  /** Whether any current SLO covers {@code service}; reads definitions only, no metrics. */
  public boolean coversService(String service) {
    return slos.listCurrent().stream().anyMatch(slo -> slo.service().equals(service));
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "delete", object = "slo")
  public void delete(String sloId) {
    slos.delete(sloId, clock.instant());
  }

  public List<String> knownServices() {
    Instant now = clock.instant();
    return metrics.serviceNames(now.minus(KNOWN_SERVICES_PERIOD), now);
  }

  private SloStatus status(SloDefinition slo, Set<String> firing, Instant now) {
    SloReading reading = SloReading.read(StoredSlos.objective(slo), events, now);
    String alert =
        firing.contains("page") ? "page" : firing.contains("ticket") ? "ticket" : SloStatus.OK;
    return new SloStatus(slo, reading, alert);
  }
}
