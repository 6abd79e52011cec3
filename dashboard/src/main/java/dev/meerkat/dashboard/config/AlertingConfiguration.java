package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.dashboard.alerting.service.DeliveryLoop;
import dev.meerkat.dashboard.alerting.service.DeliveryWorker;
import dev.meerkat.dashboard.alerting.service.EvaluatorLease;
import dev.meerkat.dashboard.alerting.service.LeaseHolder;
import dev.meerkat.dashboard.alerting.service.Outbox;
import dev.meerkat.dashboard.alerting.service.SloEvaluation;
import dev.meerkat.dashboard.alerting.service.SloEvaluator;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.Notifier;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.SloRepository;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Clock, the SLO burn-rate evaluation (the workbook's multi-window policy, per SLO guard) and the
 * outbox's delivery, wired once. Features never read {@link MeerkatProperties}: they get plain
 * values here.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingConfiguration {

  /** The system clock, unless one was registered before (tests run on their own clock). */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AlertHistoryService alertHistoryService(
      AlertEventRepository history, Outbox outbox, Clock clock) {
    return new AlertHistoryService(history, outbox, clock);
  }

  @Bean(destroyMethod = "close")
  LeaseHolder leaseHolder(EvaluatorLease lease, MeerkatProperties properties, Clock clock) {
    MeerkatProperties.Delivery delivery = properties.delivery();
    String id = delivery.instanceId().isBlank() ? defaultInstanceId() : delivery.instanceId();
    return new LeaseHolder(lease, id, delivery.leaseTtl(), clock);
  }

  @Bean
  SloEvaluation sloEvaluation(
      SloRepository slos,
      AlertStore states,
      AlertEventRepository history,
      EventCountSource events,
      MeerkatProperties properties) {
    return new SloEvaluation(slos, states, history, events, properties.publicUrl());
  }

  @Bean
  SloEvaluator sloEvaluator(
      SloEvaluation evaluation, LeaseHolder lease, Clock clock, MeerkatProperties properties) {
    MeerkatProperties.Slo slo = properties.slo();
    return new SloEvaluator(
        evaluation, lease, clock, slo.evaluationInterval(), slo.evaluationEnabled());
  }

  /** One attempt per call: the outbox owns retries, so that each one is recorded. */
  @Bean
  Notifier webhookNotifier(MeerkatProperties properties, Clock clock) {
    MeerkatProperties.Delivery delivery = properties.delivery();
    return GenericWebhookNotifier.builder()
        .requestTimeout(delivery.requestTimeout())
        .retryPolicy(
            new RetryPolicy(
                1, delivery.initialBackoff(), delivery.maxBackoff(), delivery.maxRetryAfter()))
        .clock(clock)
        .build();
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  DeliveryLoop deliveryLoop(
      Outbox outbox,
      Notifier notifier,
      LeaseHolder lease,
      Clock clock,
      MeerkatProperties properties) {
    MeerkatProperties.Delivery delivery = properties.delivery();
    DeliveryWorker worker =
        new DeliveryWorker(
            outbox,
            notifier,
            new RetrySchedule(
                delivery.maxAttempts(),
                delivery.initialBackoff(),
                delivery.maxBackoff(),
                delivery.maxRetryAfter()),
            clock,
            Executors.newFixedThreadPool(
                delivery.senders(),
                Thread.ofPlatform().name("meerkat-delivery-", 1).daemon().factory()),
            delivery.senders() * 8);
    return new DeliveryLoop(worker, lease, delivery.pollInterval());
  }

  private static String defaultInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
