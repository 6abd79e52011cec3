package dev.meerkat.agent.application.opentelemetryapi;

import io.opentelemetry.context.Context;

/**
 * What the application made current, kept in the agent's context: its own context (with its keys,
 * baggage included) and the agent span that stood for its span then.
 */
final class Attached {
  final Context context;
  final Object agentSpan;

  Attached(Context context, Object agentSpan) {
    this.context = context;
    this.agentSpan = agentSpan;
  }
}
