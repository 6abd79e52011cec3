package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.dashboard.alerting.service.ChannelNotifiers;
import dev.meerkat.dashboard.alerting.service.ChannelRepository;
import dev.meerkat.dashboard.alerting.service.ChannelService;
import dev.meerkat.dashboard.alerting.service.DeliveryLogService;
import dev.meerkat.dashboard.alerting.service.DeliveryLoop;
import dev.meerkat.dashboard.alerting.service.DeliveryWorker;
import dev.meerkat.dashboard.alerting.service.EvaluatorLease;
import dev.meerkat.dashboard.alerting.service.LeaseHolder;
import dev.meerkat.dashboard.alerting.service.MetricRuleEvaluation;
import dev.meerkat.dashboard.alerting.service.MetricRuleStore;
import dev.meerkat.dashboard.alerting.service.NotificationRouter;
import dev.meerkat.dashboard.alerting.service.Outbox;
import dev.meerkat.dashboard.alerting.service.RedSeriesReader;
import dev.meerkat.dashboard.alerting.service.RoutingStore;
import dev.meerkat.dashboard.alerting.service.RuleService;
import dev.meerkat.dashboard.alerting.service.SilenceService;
import dev.meerkat.dashboard.alerting.service.SloEvaluation;
import dev.meerkat.dashboard.alerting.service.SloEvaluator;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.Notifier;
import dev.meerkat.notify.OutboundPolicy;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.store.query.MetricValueRepository;
import dev.meerkat.store.query.RequestCellRepository;
import dev.meerkat.store.query.ServiceMetricsRepository;
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
      NotificationRouter router,
      MeerkatProperties properties) {
    return new SloEvaluation(slos, states, history, events, router, properties.publicUrl());
  }

  @Bean
  NotificationRouter notificationRouter(
      RoutingStore routing,
      ChannelRepository channels,
      Outbox outbox,
      MeerkatProperties properties) {
    return new NotificationRouter(routing, channels, outbox, properties.delivery().groupWait());
  }

  @Bean
  MetricRuleEvaluation metricRuleEvaluation(
      MetricRuleStore rules,
      ServiceMetricsRepository metrics,
      RequestCellRepository cells,
      MetricValueRepository storedMetrics,
      NotificationRouter router,
      AlertEventRepository history,
      MeerkatProperties properties) {
    return new MetricRuleEvaluation(
        rules,
        new RedSeriesReader(metrics, cells, storedMetrics),
        router,
        history,
        properties.publicUrl());
  }

  @Bean
  SloEvaluator sloEvaluator(
      SloEvaluation evaluation,
      MetricRuleEvaluation rules,
      LeaseHolder lease,
      Clock clock,
      MeerkatProperties properties) {
    MeerkatProperties.Slo slo = properties.slo();
    return new SloEvaluator(
        evaluation, rules, lease, clock, slo.evaluationInterval(), slo.evaluationEnabled());
  }

  /** Where notifications may go ({@code meerkat.outbound.allow}); a bad entry stops the start. */
  @Bean
  OutboundPolicy outboundPolicy(MeerkatProperties properties) {
    return OutboundPolicy.allowing(properties.outbound().allow());
  }

  /** The system resolver, unless one was registered before (tests play DNS rebinding). */
  @Bean
  @ConditionalOnMissingBean(HostResolver.class)
  HostResolver hostResolver() {
    return HostResolver.system();
  }

  @Bean
  ChannelService channelService(
      ChannelRepository channels,
      Outbox outbox,
      Clock clock,
      MeerkatProperties properties,
      OutboundPolicy outbound,
      HostResolver resolver) {
    return new ChannelService(channels, outbox, clock, properties.publicUrl(), outbound, resolver);
  }

  @Bean
  RuleService ruleService(MetricRuleStore rules, Clock clock) {
    return new RuleService(rules, clock);
  }

  @Bean
  SilenceService silenceService(RoutingStore routing, Clock clock) {
    return new SilenceService(routing, clock);
  }

  @Bean
  DeliveryLogService deliveryLogService(
      Outbox outbox, ChannelRepository channels, RoutingStore routing, Clock clock) {
    return new DeliveryLogService(outbox, channels, routing, clock);
  }

  /** One attempt per call: the outbox owns retries, so that each one is recorded. */
  @Bean
  Notifier webhookNotifier(
      MeerkatProperties properties, Clock clock, OutboundPolicy outbound, HostResolver resolver) {
    MeerkatProperties.Delivery delivery = properties.delivery();
    return GenericWebhookNotifier.builder()
        .outboundPolicy(outbound)
        .resolver(resolver)
        .requestTimeout(delivery.requestTimeout())
        .retryPolicy(
            new RetryPolicy(
                1, delivery.initialBackoff(), delivery.maxBackoff(), delivery.maxRetryAfter()))
        .clock(clock)
        .build();
  }

  /** Each outbox row's notifier, built from its stored channel (one attempt per call). */
  @Bean
  ChannelNotifiers channelNotifiers(
      ChannelRepository channels,
      Notifier webhookNotifier,
      MeerkatProperties properties,
      Clock clock,
      OutboundPolicy outbound,
      HostResolver resolver) {
    MeerkatProperties.Delivery delivery = properties.delivery();
    return new ChannelNotifiers(
        channels,
        webhookNotifier,
        delivery.requestTimeout(),
        new RetryPolicy(
            1, delivery.initialBackoff(), delivery.maxBackoff(), delivery.maxRetryAfter()),
        clock,
        outbound,
        resolver);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  DeliveryLoop deliveryLoop(
      Outbox outbox,
      ChannelNotifiers targets,
      LeaseHolder lease,
      Clock clock,
      MeerkatProperties properties) {
    MeerkatProperties.Delivery delivery = properties.delivery();
    DeliveryWorker worker =
        new DeliveryWorker(
            outbox,
            targets,
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
