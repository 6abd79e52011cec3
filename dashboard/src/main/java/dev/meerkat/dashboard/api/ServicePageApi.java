package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.Numbers.finite;

import dev.meerkat.dashboard.services.domain.RedCharts;
import dev.meerkat.dashboard.services.domain.ServiceInstance;
import dev.meerkat.dashboard.services.domain.WeekRow;
import dev.meerkat.dashboard.services.service.ServiceOverviewService;
import dev.meerkat.dashboard.services.service.ServicePageService;
import dev.meerkat.store.query.ErrorGroup;
import dev.meerkat.store.query.RedPoint;
import dev.meerkat.store.query.TraceSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the page of one service shows: summary and instances, RED series, slowest traces, top
 * errors, weeks.
 */
@RestController
class ServicePageApi {

  private final ServicePageService page;
  private final ServiceOverviewService overview;
  private final Clock clock;

  ServicePageApi(ServicePageService page, ServiceOverviewService overview, Clock clock) {
    this.page = page;
    this.overview = overview;
    this.clock = clock;
  }

  /** {@code red} is null when the service had no spans in the window. */
  record Service(
      String service,
      Instant from,
      Instant to,
      ServicesApi.ServiceRed red,
      List<Instance> instances) {}

  /** An instance with spans or metric points in the window; counts are 0 without spans. */
  record Instance(
      String instance,
      double requests,
      double errors,
      double spans,
      Instant firstSeen,
      Instant lastSeen,
      boolean jvmMetrics) {
    static Instance of(ServiceInstance i) {
      return new Instance(
          i.id(), i.requests(), i.errors(), i.spans(), i.firstSeen(), i.lastSeen(), i.jvmMetrics());
    }
  }

  record Series(String service, Instant from, Instant to, long stepSeconds, List<Step> steps) {}

  /** One step with requests; quantiles are null where they do not exist. */
  record Step(
      Instant start,
      double requests,
      double requestsPerSecond,
      double errorRatio,
      Double p50Millis,
      Double p95Millis,
      Double p99Millis) {
    static Step of(RedPoint p) {
      return new Step(
          p.start(),
          p.requests(),
          p.requestsPerSecond(),
          p.errorRatio(),
          finite(p.p50Millis()),
          finite(p.p95Millis()),
          finite(p.p99Millis()));
    }
  }

  record SlowestTraces(String service, Instant from, Instant to, List<SlowTrace> traces) {}

  record SlowTrace(
      String traceId,
      String spanId,
      String operation,
      String kind,
      Instant start,
      double durationMillis,
      String status) {
    static SlowTrace of(TraceSummary t) {
      return new SlowTrace(
          t.traceId(),
          t.spanId(),
          t.name(),
          t.kind(),
          t.start(),
          t.durationNanos() / 1e6,
          t.status());
    }
  }

  record Errors(String service, Instant from, Instant to, List<ErrorGroup> errors) {}

  record Weekly(String service, List<Week> weeks) {}

  /** Quantiles are null in a week without requests. */
  record Week(
      String week,
      Instant start,
      double requests,
      double errorRatio,
      Double p95Millis,
      Double p99Millis,
      List<String> violatedSlos) {
    static Week of(WeekRow w) {
      return new Week(
          w.label(),
          w.start(),
          w.requests(),
          w.errorRatio(),
          finite(w.p95Millis()),
          finite(w.p99Millis()),
          w.violatedSlos());
    }
  }

  @GetMapping("/api/v1/services/{service}/weekly")
  Weekly weekly(@PathVariable("service") String service) {
    return new Weekly(service, page.weeks(service).stream().map(Week::of).toList());
  }

  @GetMapping("/api/v1/services/{service}")
  Service service(
      @PathVariable("service") String service,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    return new Service(
        service,
        range.from(),
        range.to(),
        // The same row as in GET /api/v1/services, Apdex included, from this service's rows only.
        page.summary(service, range.from(), range.to())
            .map(
                red ->
                    ServicesApi.ServiceRed.of(
                        red, overview.apdex(service, range.from(), range.to())))
            .orElse(null),
        page.instances(service, range.from(), range.to()).stream().map(Instance::of).toList());
  }

  @GetMapping("/api/v1/services/{service}/series")
  Series series(
      @PathVariable("service") String service,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    List<Step> steps =
        page.series(service, range.from(), range.to()).stream().map(Step::of).toList();
    return new Series(
        service, range.from(), range.to(), RedCharts.step(range.length()).toSeconds(), steps);
  }

  @GetMapping("/api/v1/services/{service}/slowest-traces")
  SlowestTraces slowestTraces(
      @PathVariable("service") String service,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    List<SlowTrace> traces =
        page.slowestRequests(service, range.from(), range.to()).stream()
            .map(SlowTrace::of)
            .toList();
    return new SlowestTraces(service, range.from(), range.to(), traces);
  }

  @GetMapping("/api/v1/services/{service}/errors")
  Errors errors(
      @PathVariable("service") String service,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    return new Errors(
        service, range.from(), range.to(), page.topErrors(service, range.from(), range.to()));
  }
}
