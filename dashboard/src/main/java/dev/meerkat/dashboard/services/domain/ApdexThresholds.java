package dev.meerkat.dashboard.services.domain;

import java.time.Duration;
import java.util.Map;

/**
 * The Apdex threshold T of each service: its own where configured, the default otherwise.
 *
 * @param defaultThreshold T of every service without its own
 * @param perService T by service name
 */
public record ApdexThresholds(Duration defaultThreshold, Map<String, Duration> perService) {

  public ApdexThresholds {
    perService = Map.copyOf(perService);
  }

  public Duration of(String service) {
    return perService.getOrDefault(service, defaultThreshold);
  }
}
