package dev.meerkat.dashboard.alerting.domain;

import java.util.Locale;

/** How urgently a burn-rate alert needs a human, most urgent first. */
public enum Severity {
  /** Wake someone up: the budget burns fast enough to be gone within days. */
  PAGE,
  /** Handle in working hours: a slow burn that would still exhaust the budget. */
  TICKET;

  /** Lower-case name used on the wire and in YAML: {@code page} or {@code ticket}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
