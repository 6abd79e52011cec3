package dev.meerkat.dashboard.alerting.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A firing burn-rate alert.
 *
 * @param since when it started firing: the incident start, the same in its resolved notification
 * @param cause the condition that made it fire
 */
public record ActiveAlert(Instant since, BurnRateCondition cause) {

  public ActiveAlert {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(cause, "cause");
  }
}
