package dev.meerkat.dashboard.alerting.service;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's claim on the {@link EvaluatorLease}: evaluation and delivery each ask {@link
 * #holds()} before every round, which also renews the lease. A process that stops renewing (it
 * stopped, hung or lost the database) loses the lease after {@code ttl}, and another takes over.
 */
public final class LeaseHolder implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(LeaseHolder.class);

  private final EvaluatorLease lease;
  private final String holderId;
  private final Duration ttl;
  private final Clock clock;

  /** Null until the first attempt, so that the first outcome is logged either way. */
  private final AtomicReference<Boolean> held = new AtomicReference<>();

  public LeaseHolder(EvaluatorLease lease, String holderId, Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("lease ttl must be positive");
    }
    this.lease = lease;
    this.holderId = holderId;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Takes or renews the lease; false when another process holds it (or the store is down). */
  public boolean holds() {
    boolean now;
    try {
      now = lease.tryAcquire(holderId, clock.instant(), ttl);
    } catch (RuntimeException e) {
      logger.warn("Could not take the evaluator lease; not evaluating nor delivering", e);
      now = false;
    }
    if (!Boolean.valueOf(now).equals(held.getAndSet(now))) {
      logger.info(
          now
              ? "This dashboard ({}) now evaluates alerts and delivers notifications"
              : "Another dashboard evaluates alerts now; {} stands by",
          holderId);
    }
    return now;
  }

  public String holderId() {
    return holderId;
  }

  @Override
  public void close() {
    if (Boolean.TRUE.equals(held.getAndSet(false))) {
      try {
        lease.release(holderId);
      } catch (RuntimeException e) {
        logger.warn("Could not release the evaluator lease; it expires after {}", ttl, e);
      }
    }
  }
}
