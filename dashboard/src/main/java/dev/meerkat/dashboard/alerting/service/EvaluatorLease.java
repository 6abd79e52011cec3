package dev.meerkat.dashboard.alerting.service;

import java.time.Duration;
import java.time.Instant;

/**
 * The lease that makes exactly one dashboard process evaluate alerts and deliver notifications when
 * several share one store.
 */
public interface EvaluatorLease {

  /**
   * Takes the lease for {@code holder} until {@code now + ttl} when it is free, expired or already
   * held by {@code holder} (a renewal); returns whether {@code holder} holds it now.
   */
  boolean tryAcquire(String holder, Instant now, Duration ttl);

  /** Gives the lease up at once when {@code holder} holds it (a clean shutdown). */
  void release(String holder);
}
