package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * CLIENT spans of Redis commands, shared by the Redis client instrumentations: named after the
 * command ({@code SET}), with {@code db.system=redis}, {@code db.operation.name}, a sanitized
 * {@code db.query.text}, the server address and the database index when the client knows them.
 */
public final class RedisClientTelemetry {
  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> DB_OPERATION_NAME = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");

  /** Commands whose every argument may be a secret or a value: all of them are masked. */
  private static final Set<String> MASK_ALL =
      Collections.unmodifiableSet(
          new HashSet<>(Arrays.asList("AUTH", "HELLO", "ECHO", "PING", "MIGRATE")));

  private final Tracer tracer;

  private RedisClientTelemetry(Tracer tracer) {
    this.tracer = tracer;
  }

  public static RedisClientTelemetry create(InstrumentationContext context) {
    return new RedisClientTelemetry(context.tracer());
  }

  /**
   * Starts the span of one command, child of {@code parent}. {@code host} may be null (unknown yet:
   * see {@link #server}); {@code database} below 0 means unknown.
   */
  public Span start(
      Context parent, String command, String queryText, String host, int port, int database) {
    SpanBuilder builder =
        tracer
            .spanBuilder(command)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parent)
            .setAttribute(DB_SYSTEM, "redis")
            .setAttribute(DB_OPERATION_NAME, command)
            .setAttribute(DB_QUERY_TEXT, queryText);
    if (database >= 0) {
      builder.setAttribute(DB_NAMESPACE, Integer.toString(database));
    }
    Span span = builder.startSpan();
    if (host != null) {
      server(span, host, port);
    }
    return span;
  }

  /** Sets the server's address and port (for clients that connect lazily, after the start). */
  public static void server(Span span, String host, int port) {
    span.setAttribute(HttpAttributes.SERVER_ADDRESS, host);
    span.setAttribute(HttpAttributes.SERVER_PORT, (long) port);
  }

  /** Ends the span; an error marks it failed with {@code error.type} and an exception event. */
  public static void end(Span span, Throwable error) {
    if (error != null) {
      span.setStatus(StatusCode.ERROR, error.getMessage() == null ? "" : error.getMessage());
      span.setAttribute(HttpAttributes.ERROR_TYPE, error.getClass().getName());
      span.recordException(error);
    }
    span.end();
  }

  /**
   * The sanitized command text: the command, its first argument (the key, for most commands) and
   * {@code ?} for every further argument, so values never leave the application. Commands whose
   * arguments are secrets or values (AUTH, HELLO, ECHO, PING, MIGRATE) have all of them masked; so
   * has a first argument the client could not read ({@code firstArgument} null).
   */
  public static String queryText(String command, String firstArgument, int argumentCount) {
    StringBuilder text = new StringBuilder(command.length() + 16 + 2 * argumentCount);
    text.append(command);
    for (int i = 0; i < argumentCount; i++) {
      text.append(' ');
      if (i == 0 && firstArgument != null && !MASK_ALL.contains(command)) {
        text.append(firstArgument);
      } else {
        text.append('?');
      }
    }
    return text.toString();
  }
}
