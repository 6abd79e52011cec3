package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.alerting.service.SloEvaluation;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.Notifier;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Clock, notifier and the SLO evaluation, wired once. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Notifier webhookNotifier() {
    return GenericWebhookNotifier.create();
  }

  @Bean
  SloEvaluation sloEvaluation(
      SloRepository slos,
      AlertEventRepository alerts,
      ServiceMetricsRepository metrics,
      Notifier notifier,
      MeerkatProperties properties) {
    return new SloEvaluation(slos, alerts, metrics, notifier, properties.publicUrl());
  }
}
