package dev.meerkat.dashboard.testing;

import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.alerting.service.DeliveryWorker;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import java.time.Clock;
import java.time.Duration;

/** Drives a delivery worker in tests. */
public final class Deliveries {

  private Deliveries() {}

  /**
   * Polls {@code worker} until nothing in {@code outbox} is due at {@code clock}'s time and nothing
   * is in flight (30 s deadline).
   */
  public static void deliverAll(DeliveryWorker worker, JdbcOutbox outbox, Clock clock) {
    Poll.until(
        Duration.ofSeconds(30),
        () -> {
          worker.poll();
          return outbox.due(clock.instant(), 100).size() + worker.inFlight();
        },
        open -> open == 0,
        () -> "notifications still open: " + outbox.all());
  }
}
