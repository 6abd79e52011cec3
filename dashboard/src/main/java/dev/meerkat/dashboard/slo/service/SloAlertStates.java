package dev.meerkat.dashboard.slo.service;

import java.util.Set;

/**
 * What the SLO feature needs to know of alerting: which SLOs have a firing alert. Implemented by
 * the alerting feature, which depends on this one (never the other way round).
 */
@FunctionalInterface
public interface SloAlertStates {
  Set<String> firingSloIds();
}
