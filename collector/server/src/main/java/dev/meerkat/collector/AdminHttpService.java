package dev.meerkat.collector;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.collector.pipeline.SpoolState;
import dev.meerkat.exporter.prometheus.PrometheusExposition;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointRecord;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The admin endpoints: {@code GET /health} and {@code GET /metrics}. */
final class AdminHttpService {

  private AdminHttpService() {}

  static void bind(
      ServerBuilder server,
      ClickHouseStore store,
      BatchSpanProcessor spans,
      BatchRecordProcessor<MetricPointRecord> points,
      BatchRecordProcessor<LogRecord> logs,
      PrometheusExposition exposition) {
    server.service(
        "/health",
        (ctx, req) ->
            HttpResponse.of(
                CompletableFuture.supplyAsync(
                    () -> health(store, spans, points, logs), ctx.blockingTaskExecutor())));
    server.service(
        "/metrics",
        (ctx, req) -> {
          PrometheusExposition.Scrape scrape =
              exposition.scrape(req.headers().get(HttpHeaderNames.ACCEPT));
          return HttpResponse.of(
              HttpStatus.OK, MediaType.parse(scrape.contentType()), scrape.body());
        });
  }

  // ClickHouse down: DEGRADED (200) while the spool still takes data, since nothing acknowledged
  // is lost; DOWN (503) without a spool, so a load balancer stops sending this collector data.
  private static HttpResponse health(
      ClickHouseStore store,
      BatchSpanProcessor spans,
      BatchRecordProcessor<MetricPointRecord> points,
      BatchRecordProcessor<LogRecord> logs) {
    boolean up = store.ping(Duration.ofSeconds(2));
    SpoolState spanSpool = spans.spoolState();
    SpoolState pointSpool = points.spoolState();
    String status = up ? "UP" : spanSpool.enabled() ? "DEGRADED" : "DOWN";
    String body =
        "{\"status\":\""
            + status
            + "\",\"clickhouse\":{\"status\":\""
            + (up ? "UP" : "DOWN")
            + "\",\"url\":\""
            + store.config().url()
            + "\",\"database\":\""
            + store.config().database()
            + "\"},\"queuedSpans\":"
            + spans.counts().queued()
            + ",\"spool\":{\"spans\":"
            + spoolJson(spanSpool)
            + ",\"metric_points\":"
            + spoolJson(pointSpool)
            + ",\"logs\":"
            + spoolJson(logs.spoolState())
            + "}}";
    return HttpResponse.of(
        status.equals("DOWN") ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK,
        MediaType.JSON_UTF_8,
        body);
  }

  private static String spoolJson(SpoolState spool) {
    return "{\"enabled\":"
        + spool.enabled()
        + ",\"bytes\":"
        + spool.bytes()
        + ",\"segments\":"
        + spool.segments()
        + ",\"pendingItems\":"
        + spool.pendingItems()
        + ",\"oldestUnsentSeconds\":"
        + spool.oldestUnsentMillis() / 1000.0
        + "}";
  }
}
