package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.Numbers.finite;

import dev.meerkat.dashboard.slo.domain.BurnWindow;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.service.SloDetails;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.store.query.ErrorCause;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every SLO with its SLI, error budget and burn rates now; one SLO with what burned it. */
@RestController
class SlosApi {

  private final SloService slos;
  private final SloDetails details;

  SlosApi(SloService slos, SloDetails details) {
    this.slos = slos;
    this.details = details;
  }

  /**
   * @param sli good / total events over the SLO window, null without events
   * @param burnRates per window (5m to 3d), null where the window had no events
   * @param alert the most urgent firing alert: page, ticket, or ok
   */
  record Slo(
      String id,
      String name,
      String service,
      String indicator,
      Long latencyThresholdMillis,
      List<String> operations,
      double objective,
      String window,
      String origin,
      Instant at,
      double totalEvents,
      double badEvents,
      Double sli,
      double errorBudgetRemaining,
      Map<String, Double> burnRates,
      String alert) {
    static Slo of(SloStatus status) {
      SloDefinition definition = status.definition();
      SloSpec spec = definition.spec();
      Map<String, Double> burnRates = new LinkedHashMap<>();
      for (BurnWindow window : BurnWindow.values()) {
        burnRates.put(window.label(), finite(status.reading().burnRates().get(window)));
      }
      return new Slo(
          definition.id(),
          definition.name(),
          definition.service(),
          spec.indicator(),
          spec.indicator().equals(SloSpec.LATENCY) ? spec.latencyThresholdMillis() : null,
          spec.operations(),
          definition.objective(),
          spec.window(),
          spec.origin(),
          status.reading().at(),
          status.reading().period().total(),
          status.reading().period().bad(),
          finite(status.sli()),
          status.errorBudgetRemaining(),
          burnRates,
          status.alert());
    }
  }

  record Slos(List<Slo> slos) {}

  /** One SLO, and the failed requests that burned its budget (availability SLOs only). */
  record SloDetail(Slo slo, List<ErrorCause> budgetBurners) {}

  @GetMapping("/api/v1/slos")
  Slos list() {
    return new Slos(slos.statuses().stream().map(Slo::of).toList());
  }

  @GetMapping("/api/v1/slos/{id}")
  SloDetail slo(@PathVariable("id") String id) {
    SloStatus status = slos.status(id).orElseThrow(() -> new NotFoundException("no SLO " + id));
    return new SloDetail(Slo.of(status), details.budgetBurners(id));
  }
}
