package dev.meerkat.store.slo;

/** State an SLO burn-rate alert changed to. */
public enum AlertEventState {
  FIRING,
  RESOLVED
}
