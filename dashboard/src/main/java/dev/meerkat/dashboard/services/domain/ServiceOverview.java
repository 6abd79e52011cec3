package dev.meerkat.dashboard.services.domain;

import dev.meerkat.store.query.ServiceSummary;

/**
 * One row of the services page.
 *
 * @param red rate, errors and latency quantiles over the window
 * @param apdex Apdex over the window with the service's threshold
 * @param traffic requests per step over the window
 */
public record ServiceOverview(ServiceSummary red, Apdex apdex, Sparkline traffic) {

  public String service() {
    return red.service();
  }
}
