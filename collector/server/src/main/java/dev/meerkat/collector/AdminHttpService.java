package dev.meerkat.collector;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.exporter.prometheus.PrometheusExposition;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;

/** The admin endpoints: {@code GET /health} and {@code GET /metrics}. */
final class AdminHttpService {

  private AdminHttpService() {}

  static void bind(
      ServerBuilder server,
      ClickHouseStore store,
      BatchSpanProcessor spans,
      PrometheusExposition exposition) {
    server.service(
        "/health",
        (ctx, req) ->
            HttpResponse.of(
                java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> health(store, spans), ctx.blockingTaskExecutor())));
    server.service(
        "/metrics",
        (ctx, req) -> {
          PrometheusExposition.Scrape scrape =
              exposition.scrape(req.headers().get(HttpHeaderNames.ACCEPT));
          return HttpResponse.of(
              HttpStatus.OK, MediaType.parse(scrape.contentType()), scrape.body());
        });
  }

  // 503 when ClickHouse is unreachable, so a load balancer stops sending this collector data.
  private static HttpResponse health(ClickHouseStore store, BatchSpanProcessor spans) {
    boolean up = store.ping(Duration.ofSeconds(2));
    String body =
        "{\"status\":\""
            + (up ? "UP" : "DOWN")
            + "\",\"clickhouse\":{\"status\":\""
            + (up ? "UP" : "DOWN")
            + "\",\"url\":\""
            + store.config().url()
            + "\",\"database\":\""
            + store.config().database()
            + "\"},\"queuedSpans\":"
            + spans.counts().queued()
            + "}";
    return HttpResponse.of(
        up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, MediaType.JSON_UTF_8, body);
  }
}
