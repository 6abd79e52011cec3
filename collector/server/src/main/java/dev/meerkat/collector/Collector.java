package dev.meerkat.collector;

import com.linecorp.armeria.server.Server;
import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.collector.pipeline.BatchMetricProcessor;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.collector.receiver.OtlpHttpMetricReceiver;
import dev.meerkat.collector.receiver.OtlpHttpSpanReceiver;
import dev.meerkat.exporter.prometheus.PrometheusExposition;
import dev.meerkat.exporter.prometheus.SpanRedMetrics;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running collector: ClickHouse (embedded or external) -> migrations -> pipelines -> OTLP/HTTP
 * receivers and the admin server. {@link #close()} stops it in the order that loses no accepted
 * data: receivers first, then the pipelines write what they accepted (what they cannot write stays
 * in the spool for the next start), then ClickHouse is closed. Spools left by an earlier run (kill
 * -9, crash) are replayed as soon as the pipelines start.
 */
public final class Collector implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(Collector.class);
  private static final Duration FLUSH_DEADLINE = Duration.ofSeconds(60);
  private static final Duration SPOOLED_FLUSH_DEADLINE = Duration.ofSeconds(10);

  private final EmbeddedClickHouse embedded;
  private final ClickHouseStore store;
  private final BatchSpanProcessor spans;
  private final BatchMetricProcessor points;
  private final Server otlpServer;
  private final Server adminServer;

  private Collector(
      EmbeddedClickHouse embedded,
      ClickHouseStore store,
      BatchSpanProcessor spans,
      BatchMetricProcessor points,
      Server otlpServer,
      Server adminServer) {
    this.embedded = embedded;
    this.store = store;
    this.spans = spans;
    this.points = points;
    this.otlpServer = otlpServer;
    this.adminServer = adminServer;
  }

  /** Starts everything; on failure, stops what was already started and rethrows. */
  public static Collector start(CollectorConfig config) {
    logger.info("Starting Meerkat collector with {}", config);
    EmbeddedClickHouse embedded = null;
    if (config.clickHouseUrl().isEmpty()) {
      logger.info("No MEERKAT_CLICKHOUSE_URL: starting embedded ClickHouse");
      embedded =
          EmbeddedClickHouse.start(
              config.dataDir().resolve("clickhouse"),
              config.embeddedClickHouseHttpPort(),
              config.embeddedClickHouseTcpPort(),
              config.clickHouseBinary().orElse(null));
    }
    String url = embedded != null ? embedded.url() : config.clickHouseUrl().get();
    ClickHouseStore store = ClickHouseStore.connect(config.clickHouse(url));
    try {
      logger.info("ClickHouse {} at {}", store.serverVersion(), url);
      List<String> applied = SchemaMigrator.create(store).migrate();
      logger.info(
          "Schema of database {} is up to date ({} migrations applied now)",
          config.clickHouseDatabase(),
          applied.size());
      return wire(config, embedded, store);
    } catch (RuntimeException e) {
      store.close();
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private static Collector wire(
      CollectorConfig config, EmbeddedClickHouse embedded, ClickHouseStore store) {
    PrometheusRegistry registry = new PrometheusRegistry();
    CollectorSelfMetrics selfMetrics = new CollectorSelfMetrics(registry);
    BatchSpanProcessor spans =
        BatchSpanProcessor.create(
            ClickHouseSpanWriter.create(store),
            config.spanPipeline(),
            config.spool(),
            List.of(SpanRedMetrics.create(registry)::record),
            selfMetrics.writeObserver("spans"));
    BatchMetricProcessor points =
        BatchMetricProcessor.create(
            ClickHouseMetricWriter.create(store),
            config.metricPipeline(),
            config.spool(),
            selfMetrics.writeObserver("metric_points"));
    OtlpHttpSpanReceiver spanReceiver = OtlpHttpSpanReceiver.create(spans, config.maxBodyBytes());
    OtlpHttpMetricReceiver metricReceiver =
        OtlpHttpMetricReceiver.create(points, config.maxBodyBytes());
    selfMetrics.register(registry, spanReceiver, metricReceiver, spans, points);

    Server otlp =
        Server.builder()
            .http(config.otlpHttpPort())
            .maxRequestLength(config.maxBodyBytes())
            .gracefulShutdownTimeout(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .service(OtlpHttpSpanReceiver.PATH, spanReceiver)
            .service(OtlpHttpMetricReceiver.PATH, metricReceiver)
            .build();
    // The admin server holds no data in flight, so it may stop at once.
    var adminBuilder =
        Server.builder()
            .http(config.adminPort())
            .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO);
    AdminHttpService.bind(
        adminBuilder, store, spans, points, PrometheusExposition.create(registry));
    Server admin = adminBuilder.build();
    otlp.start().join();
    admin.start().join();
    Collector collector = new Collector(embedded, store, spans, points, otlp, admin);
    logger.info(
        "OTLP/HTTP receiver listening on http://127.0.0.1:{}{} and {}",
        collector.otlpHttpPort(),
        OtlpHttpSpanReceiver.PATH,
        OtlpHttpMetricReceiver.PATH);
    logger.info("Admin endpoints: http://127.0.0.1:{}/health and /metrics", collector.adminPort());
    return collector;
  }

  /** The bound OTLP/HTTP port (useful when configured as 0). */
  public int otlpHttpPort() {
    return otlpServer.activeLocalPort();
  }

  public int adminPort() {
    return adminServer.activeLocalPort();
  }

  @Override
  public void close() throws InterruptedException {
    logger.info("Stopping: receivers first, so no new data arrives");
    otlpServer.stop().join();
    logger.info("Writing accepted spans and metric points");
    // With a spool nothing accepted is at risk: write what can be written quickly, keep the rest.
    Duration deadline = spans.spoolState().enabled() ? SPOOLED_FLUSH_DEADLINE : FLUSH_DEADLINE;
    boolean flushed = spans.shutdown(deadline) & points.shutdown(deadline);
    if (!flushed) {
      logger.warn(
          "Accepted items were not all written within {}; {}",
          deadline,
          spans.spoolState().enabled()
              ? "the rest stays in the spool and is written at the next start"
              : "without a spool the rest is lost");
    }
    adminServer.stop().join();
    store.close();
    if (embedded != null) {
      logger.info("Stopping embedded ClickHouse");
      embedded.close();
    }
    logger.info(
        "Stopped. Spans written: {}, metric points written: {}",
        spans.counts().written(),
        points.counts().written());
  }
}
