package dev.meerkat.agent.bootstrap.opentelemetryapi;

import java.util.concurrent.TimeUnit;

/**
 * The agent's side of the application API bridge, typed with JDK types only: the agent's contexts,
 * spans, builders and tracers are passed as Object. Span contexts travel as {@code String[]}: trace
 * id, span id, trace flags (2 hex digits), "remote" or "local", then trace state keys and values in
 * order. Attributes travel as {@code Object[]}: type name ({@code AttributeType}), key, value,
 * repeated.
 */
public interface ApiHook {
  /** The application's bridge (an {@link ApplicationBridge}) for this API class loader, or null. */
  Object applicationBridge(ClassLoader apiLoader);

  /** The agent's current context. */
  Object currentContext();

  /** What the application attached with {@link #attach} in this agent context, or null. */
  Object attached(Object agentContext);

  /** The valid span of this agent context, or null. */
  Object span(Object agentContext);

  /**
   * Makes current the agent's current context with {@code span} (null: none) and the application's
   * {@code attached} state; the result closes that scope.
   */
  AutoCloseable attach(Object attached, Object span);

  Object tracer(String name, String version, String schemaUrl);

  Object spanBuilder(Object tracer, String name);

  /** The parent is {@code span}, or none (a new trace) when null. */
  void setParent(Object builder, Object span);

  void setNoParent(Object builder);

  void setSpanKind(Object builder, String kind);

  void setStartTimestamp(Object builder, long timestamp, TimeUnit unit);

  /** On a span builder or a span: a link to {@code span}'s span context. */
  void addLink(Object builderOrSpan, Object span, Object[] attributes);

  /** On a span builder or a span. */
  void setAttribute(Object builderOrSpan, String type, String key, Object value);

  Object startSpan(Object builder);

  /** {@code unit} null: now. */
  void addEvent(Object span, String name, Object[] attributes, long timestamp, TimeUnit unit);

  void setStatus(Object span, String code, String description);

  void recordException(Object span, Throwable error, Object[] attributes);

  void updateName(Object span, String name);

  /** {@code unit} null: now. */
  void end(Object span, long timestamp, TimeUnit unit);

  boolean isRecording(Object span);

  /** The span's context, encoded as described above. */
  String[] spanContext(Object span);

  /** A non-recording agent span with this encoded span context, or null when it is invalid. */
  Object wrap(String[] spanContext);
}
