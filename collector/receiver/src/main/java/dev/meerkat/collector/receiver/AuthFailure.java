package dev.meerkat.collector.receiver;

/**
 * Why a request was refused as unauthenticated: the metric label and the message the sender gets.
 * The messages never repeat what the sender presented.
 */
public enum AuthFailure {
  MISSING(
      "missing",
      "missing bearer token: send the header 'Authorization: Bearer <token>' (OpenTelemetry SDKs:"
          + " OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer <token>)"),
  MALFORMED("malformed", "malformed Authorization header: expected 'Bearer <token>' (one token)"),
  UNKNOWN_TOKEN("unknown_token", "unknown bearer token: it is not (or no longer) configured");

  private final String label;
  private final String message;

  AuthFailure(String label, String message) {
    this.label = label;
    this.message = message;
  }

  /** The {@code reason} label of {@code meerkat_collector_ingest_unauthenticated_total}. */
  public String label() {
    return label;
  }

  String message() {
    return message;
  }
}
