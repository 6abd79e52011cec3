package dev.meerkat.agent.instrumentation.jdbc;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Arrays;
import java.util.List;

/**
 * Database CLIENT spans and the {@code db.client.operation.duration} histogram (semconv). The
 * histogram is recorded for every call whatever the sampling decision, so rates and latencies stay
 * exact when traces are sampled.
 */
final class DbClientTelemetry {
  /** The bucket boundaries (seconds) semconv advises for database operation durations. */
  private static final List<Double> DURATION_BUCKETS =
      Arrays.asList(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  private final Tracer tracer;
  private final DoubleHistogram duration;

  DbClientTelemetry(Tracer tracer, DoubleHistogram duration) {
    this.tracer = tracer;
    this.duration = duration;
  }

  static DbClientTelemetry create(Tracer tracer, Meter meter) {
    return new DbClientTelemetry(
        tracer,
        meter
            .histogramBuilder("db.client.operation.duration")
            .setUnit("s")
            .setDescription("Duration of database client operations.")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build());
  }

  /** Starts a span, child of the current context, and makes it current until {@link Call#end}. */
  Call start(DbInfo db, SqlQuery query) {
    AttributesBuilder metricAttributes = metricAttributes(db, query);
    Context parent = Context.current();
    Span span =
        tracer
            .spanBuilder(spanName(db, query))
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(withQuery(metricAttributes.build(), query))
            .startSpan();
    // Current while the driver runs, so a driver that speaks HTTP gets child spans.
    return new Call(span, parent.with(span).makeCurrent(), metricAttributes, System.nanoTime());
  }

  /**
   * Semconv: {@code <operation> <collection or procedure>}, else the operation, else the database
   * name, else the system.
   */
  static String spanName(DbInfo db, SqlQuery query) {
    String target = query.collection != null ? query.collection : query.procedure;
    if (query.operation != null) {
      return target == null ? query.operation : query.operation + " " + target;
    }
    return db.namespace != null ? db.namespace : db.system;
  }

  /** Semconv's metric attributes: the span's without the query text and the batch size. */
  private static AttributesBuilder metricAttributes(DbInfo db, SqlQuery query) {
    AttributesBuilder attributes = Attributes.builder().put(DbAttributes.DB_SYSTEM, db.system);
    if (db.namespace != null) {
      attributes.put(DbAttributes.DB_NAMESPACE, db.namespace);
    }
    if (query.operation != null) {
      attributes.put(DbAttributes.DB_OPERATION_NAME, query.operation);
    }
    if (query.collection != null) {
      attributes.put(DbAttributes.DB_COLLECTION_NAME, query.collection);
    }
    if (query.procedure != null) {
      attributes.put(DbAttributes.DB_STORED_PROCEDURE_NAME, query.procedure);
    }
    if (db.host != null) {
      attributes.put(DbAttributes.SERVER_ADDRESS, db.host);
      if (db.port > 0) {
        attributes.put(DbAttributes.SERVER_PORT, (long) db.port);
      }
    }
    return attributes;
  }

  private static Attributes withQuery(Attributes common, SqlQuery query) {
    if (query.text == null && query.batchSize < 2) {
      return common;
    }
    AttributesBuilder span = common.toBuilder();
    if (query.text != null) {
      span.put(DbAttributes.DB_QUERY_TEXT, query.text);
    }
    if (query.batchSize > 1) {
      span.put(DbAttributes.DB_OPERATION_BATCH_SIZE, query.batchSize);
    }
    return span.build();
  }

  /** One traced call. */
  final class Call {
    private final Span span;
    private final Scope scope;
    private final AttributesBuilder metricAttributes;
    private final long startNanos;

    private Call(Span span, Scope scope, AttributesBuilder metricAttributes, long startNanos) {
      this.span = span;
      this.scope = scope;
      this.metricAttributes = metricAttributes;
      this.startNanos = startNanos;
    }

    /** Ends the call on the thread that started it; {@code error} marks it failed. */
    void end(Throwable error) {
      try {
        scope.close();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (error != null) {
          String errorType = error.getClass().getName();
          span.recordException(error);
          span.setAttribute(DbAttributes.ERROR_TYPE, errorType);
          span.setStatus(StatusCode.ERROR);
          metricAttributes.put(DbAttributes.ERROR_TYPE, errorType);
        }
        duration.record(seconds, metricAttributes.build());
      } finally {
        span.end();
      }
    }
  }
}
