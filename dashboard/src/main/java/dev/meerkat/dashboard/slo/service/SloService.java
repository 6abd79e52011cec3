package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.security.domain.Audited;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.SloDraft;
import dev.meerkat.dashboard.slo.domain.SloReading;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.OutboundPolicy;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
  private final OutboundPolicy outbound;
  private final HostResolver resolver;

  /**
   * @param outbound where an SLO's webhook may point; checked on save here and on every send
   * @param resolver resolves the webhook's host on save (the system resolver outside tests)
   */
  public SloService(
      SloRepository slos,
      SloAlertStates alerts,
      ServiceMetricsRepository metrics,
      EventCountSource events,
      Clock clock,
      OutboundPolicy outbound,
      HostResolver resolver) {
    this.slos = slos;
    this.alerts = alerts;
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
    this.outbound = outbound;
    this.resolver = resolver;
  }

  /**
   * Creates or updates the SLO the form describes; throws {@link IllegalArgumentException} listing
   * every problem of {@link SloDraft#problems()}, or saying why the webhook URL is refused
   * (loopback, link-local, private... unless {@code meerkat.outbound.allow} permits it).
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "save", object = "slo")
  public SloDefinition save(SloDraft draft, String webhookUrl, double minimumEvents) {
    return save(draft, Optional.of(webhookUrl == null ? "" : webhookUrl), minimumEvents, Map.of());
  }

  /**
   * Creates the SLO or writes a new version of it (an edit: its earlier versions, its alert state
   * and its history stay); throws {@link IllegalArgumentException} listing every problem, or naming
   * why the webhook URL is refused (see {@link OutboundPolicy}).
   *
   * @param webhookUrl the new webhook URL ("" for none); empty keeps the stored one, so that an
   *     edit never needs the stored URL (which may hold a token) sent back to the browser
   * @param labels the SLO's own labels, see {@link SloSpec#labels()}
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "save", object = "slo")
  public SloDefinition save(
      SloDraft draft,
      Optional<String> webhookUrl,
      double minimumEvents,
      Map<String, String> labels) {
    ServiceLevelObjective slo = draft.toObjective();
    Optional<String> newUrl = webhookUrl.map(String::strip);
    newUrl.filter(url -> !url.isEmpty()).ifPresent(this::refuseForbiddenTarget);
    String webhook =
        newUrl.orElseGet(() -> slos.find(slo.id()).map(SloDefinition::webhookUrl).orElse(""));
    return slos.save(
        StoredSlos.definition(slo, webhook, minimumEvents, "", clock.instant()).withLabels(labels));
  }

  private void refuseForbiddenTarget(String url) {
    outbound
        .problem(URI.create(url), resolver)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("Webhook URL: " + problem);
            });
  }

  /** The stored definition, to edit it. */
  public Optional<SloDefinition> definition(String sloId) {
    return slos.find(sloId);
  }

  /** Every SLO with its numbers, least error budget left first. */
  public List<SloStatus> statuses() {
    Instant now = clock.instant();
    Map<String, Set<String>> firing = alerts.firingSeverities();
    List<SloDefinition> current = slos.listCurrent();
    List<SloReading> readings = readAll(current, now);
    List<SloStatus> statuses = new ArrayList<>(current.size());
    for (int i = 0; i < current.size(); i++) {
      SloDefinition slo = current.get(i);
      statuses.add(
          new SloStatus(slo, readings.get(i), alert(firing.getOrDefault(slo.id(), Set.of()))));
    }
    return statuses.stream()
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
    return readAll(slos.listCurrent(), clock.instant());
  }

  /** Every SLO's reading from one {@link EventCountSource#countEach}: one store round trip. */
  private List<SloReading> readAll(List<SloDefinition> definitions, Instant now) {
    return SloReading.readAll(
        definitions.stream().map(StoredSlos::objective).toList(), events, now);
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
    return new SloStatus(slo, reading, alert(firing));
  }

  private static String alert(Set<String> firing) {
    return firing.contains("page") ? "page" : firing.contains("ticket") ? "ticket" : SloStatus.OK;
  }
}
