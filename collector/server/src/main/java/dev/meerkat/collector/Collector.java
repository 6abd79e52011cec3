package dev.meerkat.collector;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.collector.receiver.IngestLimiter;
import dev.meerkat.collector.receiver.OtlpGrpcLogService;
import dev.meerkat.collector.receiver.OtlpGrpcMetricService;
import dev.meerkat.collector.receiver.OtlpGrpcServer;
import dev.meerkat.collector.receiver.OtlpGrpcSpanService;
import dev.meerkat.collector.receiver.OtlpHttpLogReceiver;
import dev.meerkat.collector.receiver.OtlpHttpMetricReceiver;
import dev.meerkat.collector.receiver.OtlpHttpSpanReceiver;
import dev.meerkat.collector.receiver.ReceiverTls;
import dev.meerkat.exporter.prometheus.PrometheusExposition;
import dev.meerkat.exporter.prometheus.SpanRedMetrics;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.retention.ClickHousePartitionRetention;
import dev.meerkat.store.clickhouse.retention.PartitionRetentionJob;
import dev.meerkat.store.clickhouse.write.ClickHouseLogWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointRecord;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running collector: ClickHouse (embedded or external) -> migrations -> pipelines -> OTLP/gRPC
 * and OTLP/HTTP receivers and the admin server. {@link #close()} stops it in the order that loses
 * no accepted data: receivers first, then the pipelines write what they accepted (what they cannot
 * write stays in the spool for the next start), then ClickHouse is closed. Spools left by an
 * earlier run (kill -9, crash) are replayed as soon as the pipelines start.
 */
public final class Collector implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(Collector.class);
  private static final Duration FLUSH_DEADLINE = Duration.ofSeconds(60);
  private static final Duration GRPC_SHUTDOWN_DEADLINE = Duration.ofSeconds(10);
  private static final Duration SPOOLED_FLUSH_DEADLINE = Duration.ofSeconds(10);

  private final EmbeddedClickHouse embedded;
  private final ClickHouseStore store;
  private final BatchSpanProcessor spans;
  private final BatchRecordProcessor<MetricPointRecord> points;
  private final BatchRecordProcessor<LogRecord> logs;
  private final Server otlpServer;
  private final Server adminServer;
  private final OtlpGrpcServer otlpGrpcServer;
  private final PartitionRetentionJob retention;

  private Collector(
      EmbeddedClickHouse embedded,
      ClickHouseStore store,
      BatchSpanProcessor spans,
      BatchRecordProcessor<MetricPointRecord> points,
      BatchRecordProcessor<LogRecord> logs,
      Server otlpServer,
      Server adminServer,
      OtlpGrpcServer otlpGrpcServer,
      PartitionRetentionJob retention) {
    this.embedded = embedded;
    this.store = store;
    this.spans = spans;
    this.points = points;
    this.logs = logs;
    this.otlpServer = otlpServer;
    this.adminServer = adminServer;
    this.otlpGrpcServer = otlpGrpcServer;
    this.retention = retention;
  }

  /** Starts everything; on failure, stops what was already started and rethrows. */
  public static Collector start(CollectorConfig config) {
    return start(config, System::nanoTime);
  }

  /** As {@link #start(CollectorConfig)}, with the rate limit's time from {@code nanoTime}. */
  static Collector start(CollectorConfig config, LongSupplier nanoTime) {
    logger.info("Starting Meerkat collector with {}", config);
    // Bad PEM files stop the start before anything else is started.
    Optional<ReceiverTls> tls =
        config
            .ingestSecurity()
            .tls()
            .map(files -> ReceiverTls.load(files.certChainFile(), files.keyFile()));
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
      List<String> applied = SchemaMigrator.create(store, config.cluster()).migrate();
      logger.info(
          "Schema of database {} is up to date ({} migrations applied now)",
          config.clickHouseDatabase(),
          applied.size());
      return wire(config, embedded, store, tls, nanoTime);
    } catch (RuntimeException e) {
      store.close();
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private static Collector wire(
      CollectorConfig config,
      EmbeddedClickHouse embedded,
      ClickHouseStore store,
      Optional<ReceiverTls> tls,
      LongSupplier nanoTime) {
    PrometheusRegistry registry = new PrometheusRegistry();
    CollectorSelfMetrics selfMetrics = new CollectorSelfMetrics(registry);
    BatchSpanProcessor spans =
        BatchSpanProcessor.create(
            ClickHouseSpanWriter.create(store),
            config.spanPipeline(),
            config.spool(),
            List.of(SpanRedMetrics.create(registry)::record),
            selfMetrics.writeObserver("spans"));
    BatchRecordProcessor<MetricPointRecord> points =
        BatchRecordProcessor.metricPoints(
            ClickHouseMetricWriter.create(store),
            config.metricPipeline(),
            config.spool(),
            selfMetrics.writeObserver("metric_points"));
    BatchRecordProcessor<LogRecord> logs =
        BatchRecordProcessor.logs(
            ClickHouseLogWriter.create(store),
            config.logPipeline(),
            config.spool(),
            selfMetrics.writeObserver("logs"));
    IngestLimiter spanLimiter = IngestLimiter.create(config.ingestLimits());
    IngestLimiter pointLimiter = IngestLimiter.create(config.ingestLimits());
    IngestLimiter logLimiter = IngestLimiter.create(config.ingestLimits());
    OtlpHttpSpanReceiver spanReceiver =
        OtlpHttpSpanReceiver.create(spans, config.maxBodyBytes(), spanLimiter);
    OtlpHttpMetricReceiver metricReceiver =
        OtlpHttpMetricReceiver.create(points, config.maxBodyBytes(), pointLimiter);
    OtlpHttpLogReceiver logReceiver =
        OtlpHttpLogReceiver.create(logs, config.maxBodyBytes(), logLimiter, Clock.systemUTC());
    OtlpGrpcSpanService spanService = OtlpGrpcSpanService.create(spans, spanLimiter);
    OtlpGrpcMetricService metricService = OtlpGrpcMetricService.create(points, pointLimiter);
    OtlpGrpcLogService logService = OtlpGrpcLogService.create(logs, logLimiter, Clock.systemUTC());
    selfMetrics.register(
        registry,
        List.of(
            new CollectorSelfMetrics.ReceiverCounts("spans", "http", spanReceiver.counts()),
            new CollectorSelfMetrics.ReceiverCounts("spans", "grpc", spanService.counts()),
            new CollectorSelfMetrics.ReceiverCounts(
                "metric_points", "http", metricReceiver.counts()),
            new CollectorSelfMetrics.ReceiverCounts(
                "metric_points", "grpc", metricService.counts()),
            new CollectorSelfMetrics.ReceiverCounts("logs", "http", logReceiver.counts()),
            new CollectorSelfMetrics.ReceiverCounts("logs", "grpc", logService.counts())),
        spans,
        points,
        logs);
    selfMetrics.registerTruncations(registry, spanLimiter, pointLimiter, logLimiter);
    IngestSecuritySettings security = config.ingestSecurity();
    IngestFrontDoor frontDoor = IngestFrontDoor.create(security, tls, nanoTime);
    selfMetrics.registerIngestGates(registry, frontDoor.gates());

    ServerBuilder otlpBuilder =
        Server.builder()
            .maxRequestLength(config.maxBodyBytes())
            .gracefulShutdownTimeout(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .service(OtlpHttpSpanReceiver.PATH, spanReceiver)
            .service(OtlpHttpMetricReceiver.PATH, metricReceiver)
            .service(OtlpHttpLogReceiver.PATH, logReceiver);
    frontDoor.configureHttp(otlpBuilder, config.otlpHttpPort());
    Server otlp = otlpBuilder.build();
    // The admin server holds no data in flight, so it may stop at once.
    var adminBuilder =
        Server.builder()
            .http(new InetSocketAddress(security.adminBindAddress(), config.adminPort()))
            .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO);
    AdminHttpService.bind(
        adminBuilder, store, spans, points, logs, PrometheusExposition.create(registry));
    Server admin = adminBuilder.build();
    otlp.start().join();
    admin.start().join();
    OtlpGrpcServer otlpGrpc;
    try {
      otlpGrpc =
          frontDoor.startGrpc(
              config.otlpGrpc().port(),
              config.maxBodyBytes(),
              List.of(spanService, metricService, logService));
    } catch (RuntimeException e) {
      // For example the port is taken: leave nothing listening behind.
      otlp.stop().join();
      admin.stop().join();
      throw e;
    }
    Collector collector =
        new Collector(
            embedded,
            store,
            spans,
            points,
            logs,
            otlp,
            admin,
            otlpGrpc,
            startRetention(config, store));
    frontDoor.logListening(collector.otlpHttpPort(), collector.otlpGrpcPort());
    logger.info(
        "Admin endpoints: http://{}:{}/health and /metrics",
        security.adminBindAddress().getHostAddress(),
        collector.adminPort());
    return collector;
  }

  /** Drops partitions past each signal's retention now and then hourly, on a daemon thread. */
  private static PartitionRetentionJob startRetention(
      CollectorConfig config, ClickHouseStore store) {
    logger.info("Retention {}; cluster {}", config.retention(), config.cluster());
    return PartitionRetentionJob.start(
        ClickHousePartitionRetention.create(
            store, config.cluster(), config.retention(), Clock.systemUTC()),
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("meerkat-retention").daemon().factory()),
        PartitionRetentionJob.DEFAULT_INTERVAL);
  }

  /** The bound OTLP/HTTP port (useful when configured as 0). */
  public int otlpHttpPort() {
    return otlpServer.activeLocalPort();
  }

  /** The bound OTLP/gRPC port (useful when configured as 0). */
  public int otlpGrpcPort() {
    return otlpGrpcServer.port();
  }

  public int adminPort() {
    return adminServer.activeLocalPort();
  }

  @Override
  public void close() throws InterruptedException {
    logger.info("Stopping: receivers first, so no new data arrives");
    otlpServer.stop().join();
    if (!otlpGrpcServer.shutdown(GRPC_SHUTDOWN_DEADLINE)) {
      logger.warn("OTLP/gRPC calls still running after {} were cancelled", GRPC_SHUTDOWN_DEADLINE);
    }
    logger.info("Writing accepted spans, metric points and log records");
    // With a spool nothing accepted is at risk: write what can be written quickly, keep the rest.
    Duration deadline = spans.spoolState().enabled() ? SPOOLED_FLUSH_DEADLINE : FLUSH_DEADLINE;
    boolean flushed =
        spans.shutdown(deadline) & points.shutdown(deadline) & logs.shutdown(deadline);
    if (!flushed) {
      logger.warn(
          "Accepted items were not all written within {}; {}",
          deadline,
          spans.spoolState().enabled()
              ? "the rest stays in the spool and is written at the next start"
              : "without a spool the rest is lost");
    }
    adminServer.stop().join();
    retention.close();
    store.close();
    if (embedded != null) {
      logger.info("Stopping embedded ClickHouse");
      embedded.close();
    }
    logger.info(
        "Stopped. Spans written: {}, metric points written: {}, log records written: {}",
        spans.counts().written(),
        points.counts().written(),
        logs.counts().written());
  }
}
