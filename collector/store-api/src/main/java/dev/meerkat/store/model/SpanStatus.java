package dev.meerkat.store.model;

/** Span status codes; the ordinals match OTLP's {@code Status.StatusCode} and the Enum8. */
public enum SpanStatus {
  UNSET,
  OK,
  ERROR
}
