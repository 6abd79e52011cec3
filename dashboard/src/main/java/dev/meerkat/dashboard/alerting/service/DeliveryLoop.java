package dev.meerkat.dashboard.alerting.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the outbox on its own thread (not the evaluator's), in the process holding the evaluator
 * lease only.
 */
public final class DeliveryLoop implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(DeliveryLoop.class);

  private final DeliveryWorker worker;
  private final LeaseHolder lease;
  private final Duration pollInterval;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable ->
              Thread.ofPlatform().name("meerkat-delivery-poll").daemon().unstarted(runnable));

  public DeliveryLoop(DeliveryWorker worker, LeaseHolder lease, Duration pollInterval) {
    this.worker = worker;
    this.lease = lease;
    this.pollInterval = pollInterval;
  }

  public void start() {
    timer.scheduleWithFixedDelay(this::pollOnce, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One round; returns the notifications handed to senders (0 without the lease). */
  public int pollOnce() {
    try {
      return lease.holds() ? worker.poll() : 0;
    } catch (RuntimeException e) {
      logger.warn("Polling the notification outbox failed; retrying in {}", pollInterval, e);
      return 0;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    worker.close();
  }
}
