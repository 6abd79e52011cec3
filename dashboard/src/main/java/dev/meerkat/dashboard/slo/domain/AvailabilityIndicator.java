package dev.meerkat.dashboard.slo.domain;

import java.util.Set;

/**
 * Availability SLI: the share of requests that are not errors (span status ERROR).
 *
 * @param operations span names covered; empty for the whole service
 */
public record AvailabilityIndicator(Set<String> operations) implements Indicator {

  public AvailabilityIndicator {
    operations = Operations.validated(operations);
  }

  public static AvailabilityIndicator wholeService() {
    return new AvailabilityIndicator(Set.of());
  }

  @Override
  public boolean isBad(RollupCell cell) {
    return cell.error();
  }

  @Override
  public String kind() {
    return "availability";
  }
}
