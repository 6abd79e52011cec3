package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.service.RollupEventCountSource;
import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.query.ClickHouseErrorCauseRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseHistogramSeriesRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseInstanceSpanRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseLogRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricInstanceRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricSeriesRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricValueRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseRequestCellRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceGraphRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceMetricsRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceTrafficRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseTraceRepository;
import dev.meerkat.store.clickhouse.slo.ClickHouseAlertEventRepository;
import dev.meerkat.store.query.ErrorCauseRepository;
import dev.meerkat.store.query.InstanceSpanRepository;
import dev.meerkat.store.query.MetricValueRepository;
import dev.meerkat.store.query.QueryLimits;
import dev.meerkat.store.query.RequestCellRepository;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceTrafficRepository;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.graph.ServiceGraphRepository;
import dev.meerkat.store.query.log.LogRepository;
import dev.meerkat.store.query.metric.HistogramSeriesRepository;
import dev.meerkat.store.query.metric.MetricInstanceRepository;
import dev.meerkat.store.query.metric.MetricSeriesRepository;
import dev.meerkat.store.slo.AlertEventRepository;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The only place that knows the telemetry repositories are ClickHouse ones. SLO definitions live in
 * the relational store ({@link StateStoreConfiguration}); ClickHouse keeps the alert history.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  private static final Logger logger = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean(destroyMethod = "close")
  ClickHouseStore clickHouseStore(MeerkatProperties properties) {
    MeerkatProperties.ClickHouse clickHouse = properties.clickhouse();
    if (clickHouse.url() == null || clickHouse.url().isBlank()) {
      throw new StorageUnavailableException(
          "No ClickHouse configured. Set MEERKAT_CLICKHOUSE_URL (or meerkat.clickhouse.url) to"
              + " the HTTP URL of a ClickHouse server, e.g. http://127.0.0.1:8123");
    }
    ClickHouseStore store =
        ClickHouseStore.connect(
            new ClickHouseConfig(
                clickHouse.url(), clickHouse.database(), clickHouse.user(), clickHouse.password()),
            queryLimits(properties.query()));
    String host = URI.create(clickHouse.url()).getHost();
    if (!store.ping(Duration.ofSeconds(5))) {
      store.close();
      throw new StorageUnavailableException(
          "ClickHouse at "
              + host
              + " (from meerkat.clickhouse.url / MEERKAT_CLICKHOUSE_URL) does not answer."
              + " Start it or fix the URL.");
    }
    if (clickHouse.migrate()) {
      try {
        SchemaMigrator.create(store).migrate();
      } catch (StoreException e) {
        store.close();
        throw new StorageUnavailableException(
            "Could not prepare database " + clickHouse.database() + ": " + e.getMessage(), e);
      }
    }
    logger.info("Using ClickHouse at {}, database {}", host, clickHouse.database());
    return store;
  }

  /** A bad limit stops the start with a message naming its setting. */
  private static QueryLimits queryLimits(MeerkatProperties.Query query) {
    return new QueryLimits(query.maxRange(), query.maxRows(), query.timeout());
  }

  @Bean
  ServiceMetricsRepository serviceMetricsRepository(ClickHouseStore store) {
    return new ClickHouseServiceMetricsRepository(store);
  }

  @Bean
  ServiceTrafficRepository serviceTrafficRepository(ClickHouseStore store) {
    return new ClickHouseServiceTrafficRepository(store);
  }

  @Bean
  RequestCellRepository requestCellRepository(ClickHouseStore store) {
    return new ClickHouseRequestCellRepository(store);
  }

  /** SLI events from the per-minute RED rollups: what SLO pages and the evaluator count. */
  @Bean
  EventCountSource eventCountSource(RequestCellRepository cells) {
    return new RollupEventCountSource(cells);
  }

  @Bean
  ErrorCauseRepository errorCauseRepository(ClickHouseStore store) {
    return new ClickHouseErrorCauseRepository(store);
  }

  @Bean
  MetricValueRepository metricValueRepository(ClickHouseStore store) {
    return new ClickHouseMetricValueRepository(store);
  }

  @Bean
  TraceRepository traceRepository(ClickHouseStore store) {
    return new ClickHouseTraceRepository(store);
  }

  @Bean
  ServiceGraphRepository serviceGraphRepository(ClickHouseStore store) {
    return new ClickHouseServiceGraphRepository(store);
  }

  @Bean
  MetricSeriesRepository metricSeriesRepository(ClickHouseStore store) {
    return new ClickHouseMetricSeriesRepository(store);
  }

  @Bean
  HistogramSeriesRepository histogramSeriesRepository(ClickHouseStore store) {
    return new ClickHouseHistogramSeriesRepository(store);
  }

  @Bean
  InstanceSpanRepository instanceSpanRepository(ClickHouseStore store) {
    return new ClickHouseInstanceSpanRepository(store);
  }

  @Bean
  MetricInstanceRepository metricInstanceRepository(ClickHouseStore store) {
    return new ClickHouseMetricInstanceRepository(store);
  }

  @Bean
  LogRepository logRepository(ClickHouseStore store) {
    return new ClickHouseLogRepository(store);
  }

  @Bean
  AlertEventRepository alertEventRepository(ClickHouseStore store) {
    return new ClickHouseAlertEventRepository(store);
  }
}
