package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.Numbers.finite;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.meerkat.dashboard.services.domain.Apdex;
import dev.meerkat.dashboard.services.domain.Endpoint;
import dev.meerkat.dashboard.services.domain.ServiceOverview;
import dev.meerkat.dashboard.services.domain.Sparkline;
import dev.meerkat.dashboard.services.service.ServiceOverviewService;
import dev.meerkat.dashboard.services.service.ServicePageService;
import dev.meerkat.store.query.OperationSummary;
import dev.meerkat.store.query.ServiceSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** RED per service and per operation: what the services page shows. */
@RestController
class ServicesApi {

  private final ServiceOverviewService overview;
  private final ServicePageService page;
  private final Clock clock;

  ServicesApi(ServiceOverviewService overview, ServicePageService page, Clock clock) {
    this.overview = overview;
    this.page = page;
    this.clock = clock;
  }

  /**
   * {@code sparklineStepSeconds} is the step of every row's sparkline: the same for all services,
   * so their steps line up.
   */
  record Services(Instant from, Instant to, long sparklineStepSeconds, List<ServiceRow> services) {}

  /**
   * One row of the services page: its RED and Apdex (the fields of {@link ServiceRed}, inline, as
   * {@code GET /api/v1/services/{service}} answers them) and its sparkline.
   */
  record ServiceRow(@JsonUnwrapped ServiceRed red, List<SparklineStep> sparkline) {
    static ServiceRow of(ServiceOverview overview) {
      return new ServiceRow(
          ServiceRed.of(overview.red(), overview.apdex()),
          overview.traffic().steps().stream().map(SparklineStep::of).toList());
    }
  }

  /**
   * One step of a sparkline: every step of the window is present, steps without requests hold 0;
   * the first and last are clipped to the window and their rate is over the clipped length.
   */
  record SparklineStep(
      Instant start,
      Instant end,
      double requests,
      double errors,
      double requestsPerSecond,
      double errorRatio) {
    static SparklineStep of(Sparkline.Step s) {
      return new SparklineStep(
          s.start(), s.end(), s.requests(), s.errors(), s.requestsPerSecond(), s.errorRatio());
    }
  }

  /**
   * Latencies in ms are the upper bounds of the rollup's latency buckets; null without requests.
   * Apdex is the score over the window with the service's threshold (docs/dashboard.md), null
   * without requests.
   */
  record ServiceRed(
      String service,
      double requests,
      double requestsPerSecond,
      double errorRatio,
      Double p50Millis,
      Double p95Millis,
      Double p99Millis,
      Double apdex,
      long apdexThresholdMs) {
    static ServiceRed of(ServiceSummary s, Apdex apdex) {
      return new ServiceRed(
          s.service(),
          s.requests(),
          s.requestsPerSecond(),
          s.errorRatio(),
          finite(s.p50Millis()),
          finite(s.p95Millis()),
          finite(s.p99Millis()),
          finite(apdex.score()),
          apdex.threshold().toMillis());
    }
  }

  record Operations(String service, Instant from, Instant to, List<OperationRed> operations) {}

  /**
   * {@code totalMillis} is the summed duration of the operation's spans, {@code shareOfTime} that
   * over the sum of every operation's total of the service.
   */
  record OperationRed(
      String operation,
      String kind,
      double spans,
      double spansPerSecond,
      double errorRatio,
      Double p50Millis,
      Double p95Millis,
      Double p99Millis,
      double totalMillis,
      double shareOfTime) {
    static OperationRed of(Endpoint e) {
      OperationSummary o = e.red();
      return new OperationRed(
          o.operation(),
          o.kind(),
          o.spans(),
          o.perSecond(),
          o.errorRatio(),
          finite(o.p50Millis()),
          finite(o.p95Millis()),
          finite(o.p99Millis()),
          e.totalMillis(),
          e.shareOfTime());
    }
  }

  @GetMapping("/api/v1/services")
  Services services(
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    // The page's three store queries; the sparkline series is one of them, so it costs no query.
    List<ServiceRow> services =
        overview.overview(range.from(), range.to()).stream().map(ServiceRow::of).toList();
    return new Services(
        range.from(),
        range.to(),
        Sparkline.stepFor(range.from(), range.to()).toSeconds(),
        services);
  }

  @GetMapping("/api/v1/services/{service}/operations")
  Operations operations(
      @PathVariable("service") String service,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    List<OperationRed> operations =
        page.endpoints(service, range.from(), range.to()).stream().map(OperationRed::of).toList();
    return new Operations(service, range.from(), range.to(), operations);
  }
}
