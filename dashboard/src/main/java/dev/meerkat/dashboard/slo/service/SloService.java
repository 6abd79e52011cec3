package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.NewSlo;
import dev.meerkat.dashboard.slo.domain.SloMath;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Creates, lists and deletes SLOs, with their SLI, error budget and burn rate. */
public class SloService {

  /** The burn rate shown next to each SLO is taken over this window. */
  public static final Duration BURN_RATE_WINDOW = Duration.ofHours(1);

  /** Services seen in this period are offered when creating an SLO. */
  static final Duration KNOWN_SERVICES_PERIOD = Duration.ofDays(7);

  private final SloRepository slos;
  private final SloAlertStates alerts;
  private final ServiceMetricsRepository metrics;
  private final Clock clock;

  public SloService(
      SloRepository slos, SloAlertStates alerts, ServiceMetricsRepository metrics, Clock clock) {
    this.slos = slos;
    this.alerts = alerts;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Creates the SLO; throws {@link IllegalArgumentException} listing every problem. */
  public SloDefinition create(NewSlo slo) {
    Map<NewSlo.Field, String> problems = slo.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems.values()));
    }
    return slos.save(
        new SloDefinition(
            UUID.randomUUID().toString(),
            0,
            slo.name().strip(),
            slo.service().strip(),
            slo.objectivePercent() / 100.0,
            slo.window().duration(),
            slo.burnRateThreshold(),
            slo.webhookUrl() == null ? "" : slo.webhookUrl().strip(),
            clock.instant()));
  }

  public List<SloStatus> statuses() {
    Instant now = clock.instant();
    Set<String> firing = alerts.firingSloIds();
    return slos.listCurrent().stream()
        .map(slo -> status(slo, firing.contains(slo.id()), now))
        .toList();
  }

  /** Whether any current SLO covers {@code service}; reads definitions only, no metrics. */
  public boolean coversService(String service) {
    return slos.listCurrent().stream().anyMatch(slo -> slo.service().equals(service));
  }

  public void delete(String sloId) {
    slos.delete(sloId, clock.instant());
  }

  public List<String> knownServices() {
    Instant now = clock.instant();
    return metrics.serviceNames(now.minus(KNOWN_SERVICES_PERIOD), now);
  }

  private SloStatus status(SloDefinition slo, boolean firing, Instant now) {
    RequestCounts window = metrics.requestCounts(slo.service(), now.minus(slo.window()), now);
    RequestCounts lastHour = metrics.requestCounts(slo.service(), now.minus(BURN_RATE_WINDOW), now);
    return new SloStatus(
        slo,
        SloMath.sli(window),
        SloMath.errorBudgetRemaining(window, slo.objective()),
        SloMath.burnRate(lastHour, slo.objective()),
        firing);
  }
}
