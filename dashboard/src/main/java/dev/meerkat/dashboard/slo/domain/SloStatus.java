package dev.meerkat.dashboard.slo.domain;

import dev.meerkat.store.slo.SloDefinition;
import java.util.OptionalDouble;

/**
 * An SLO with its current numbers.
 *
 * @param definition the SLO as stored
 * @param reading SLI, error budget remaining and burn rates now
 * @param alert the most urgent firing alert: {@code page}, {@code ticket} or {@code ok}
 */
public record SloStatus(SloDefinition definition, SloReading reading, String alert) {

  public static final String OK = "ok";

  public OptionalDouble sli() {
    return reading.sli();
  }

  public double errorBudgetRemaining() {
    return reading.errorBudgetRemaining();
  }

  /** Burn rate over the last hour, empty without traffic. */
  public OptionalDouble burnRate() {
    return reading.burnRates().get(BurnWindow.ONE_HOUR);
  }

  public boolean firing() {
    return !alert.equals(OK);
  }

  /** What the list shows: {@code ok}, {@code ticket firing} or {@code page firing}. */
  public String statusLabel() {
    return firing() ? alert + " firing" : OK;
  }
}
