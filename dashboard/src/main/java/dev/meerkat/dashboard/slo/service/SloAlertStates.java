package dev.meerkat.dashboard.slo.service;

import java.util.Map;
import java.util.Set;

/**
 * What the SLO feature needs to know of alerting: which SLOs have a firing alert, and of which
 * severities. Implemented by the alerting feature, which depends on this one (never the other way
 * round).
 */
@FunctionalInterface
public interface SloAlertStates {

  /** Per SLO id, the severities ({@code page}, {@code ticket}) of its firing alerts. */
  Map<String, Set<String>> firingSeverities();

  default Set<String> firingSloIds() {
    return firingSeverities().keySet();
  }
}
