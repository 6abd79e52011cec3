package dev.meerkat.store.model;

/** Span kinds; the ordinals match OTLP's {@code SpanKind} and the {@code span_kind} Enum8. */
public enum SpanKind {
  UNSPECIFIED,
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER
}
