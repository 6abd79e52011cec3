package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.dashboard.alerting.service.FiringSlos;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.service.DemoSloInitializer;
import dev.meerkat.dashboard.slo.service.SloDetails;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.slo.service.SloWeeks;
import dev.meerkat.dashboard.slo.service.SlosAsCode;
import dev.meerkat.dashboard.slo.service.SlowRequestBurners;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.OutboundPolicy;
import dev.meerkat.store.query.ErrorCauseRepository;
import dev.meerkat.store.query.RequestCellRepository;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.slo.SloRepository;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLO feature. It learns which SLOs fire through its own small port, implemented by alerting
 * ({@link FiringSlos}), so that the two features depend one way.
 */
@Configuration(proxyBeanMethods = false)
class SloConfiguration {

  @Bean
  SloService sloService(
      SloRepository slos,
      AlertStore alerts,
      ServiceMetricsRepository metrics,
      EventCountSource events,
      Clock clock,
      OutboundPolicy outbound,
      HostResolver resolver) {
    return new SloService(slos, new FiringSlos(alerts), metrics, events, clock, outbound, resolver);
  }

  @Bean
  SloDetails sloDetails(
      SloRepository slos, EventCountSource events, ErrorCauseRepository causes, Clock clock) {
    return new SloDetails(slos, events, causes, clock);
  }

  @Bean
  SlowRequestBurners slowRequestBurners(
      SloRepository slos, RequestCellRepository cells, TraceRepository traces, Clock clock) {
    return new SlowRequestBurners(slos, cells, traces, clock);
  }

  @Bean
  SloWeeks sloWeeks(SloRepository slos, EventCountSource events) {
    return new SloWeeks(slos, events);
  }

  @Bean
  SlosAsCode slosAsCode(SloRepository slos, Clock clock) {
    return new SlosAsCode(slos, clock);
  }

  /** SLOs as code: the files of {@code meerkat.slo.directory}, loaded once at start. */
  @Bean
  @ConditionalOnProperty(prefix = "meerkat.slo", name = "directory")
  ApplicationRunner sloDirectoryLoad(SlosAsCode slos, MeerkatProperties properties) {
    String directory = properties.slo().directory();
    return args -> {
      if (!directory.isBlank()) {
        slos.loadDirectory(Path.of(directory));
      }
    };
  }

  @Bean
  @ConditionalOnProperty(prefix = "meerkat.demo", name = "enabled", havingValue = "true")
  DemoSloInitializer demoSloInitializer(SloService slos, MeerkatProperties properties) {
    return new DemoSloInitializer(slos, properties.demo().webhookUrl());
  }
}
