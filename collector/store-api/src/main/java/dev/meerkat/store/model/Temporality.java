package dev.meerkat.store.model;

/** Aggregation temporality; the ordinals match OTLP and the {@code temporality} Enum8. */
public enum Temporality {
  UNSPECIFIED,
  DELTA,
  CUMULATIVE
}
