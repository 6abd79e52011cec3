package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link JdbcHook}: one CLIENT span per statement execution, inside a request or not (a JDBC
 * call outside any trace is a root span, as with the OpenTelemetry agent). A prepared statement's
 * text is known from {@code prepareStatement}; a connection's database from its URL, read once.
 * Every call is also recorded in the {@code db.client.operation.duration} histogram, whatever the
 * sampling decision, so rates and latencies stay exact when traces are sampled.
 */
final class JdbcTracer implements JdbcHook {
  /** Distinct texts kept for a plain statement's batch; more are counted, not kept. */
  private static final int BATCH_TEXTS = 32;

  /** The bucket boundaries (seconds) semconv advises for database operation durations. */
  private static final List<Double> DURATION_BUCKETS =
      Arrays.asList(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  private final InstrumentationContext context;
  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final WeakStore<Object, StatementState> statements = new WeakStore<>();
  private final WeakStore<Object, DbInfo> connections = new WeakStore<>();
  private final BoundedCache<DbInfo> urls = new BoundedCache<>(100);
  private final BoundedCache<SqlQuery> standardQueries = new BoundedCache<>(1000);
  private final BoundedCache<SqlQuery> mysqlQueries = new BoundedCache<>(1000);

  JdbcTracer(InstrumentationContext context) {
    this.context = context;
    this.tracer = context.tracer();
    this.duration =
        context
            .meter()
            .histogramBuilder("db.client.operation.duration")
            .setUnit("s")
            .setDescription("Duration of database client operations.")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
  }

  @Override
  public Object start(Object statement, String sql) {
    if (!context.isActive() || sql == null) {
      return null;
    }
    try {
      DbInfo db = db(statement);
      return startSpan(db, query(sql, db));
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object startPrepared(Object statement) {
    if (!context.isActive()) {
      return null;
    }
    try {
      StatementState state = statements.get(statement);
      return state == null
          ? startSpan(db(statement), SqlQuery.UNKNOWN)
          : startSpan(state.db, state.query == null ? SqlQuery.UNKNOWN : state.query);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object startBatch(Object statement) {
    if (!context.isActive()) {
      return null;
    }
    try {
      StatementState state = statements.get(statement);
      if (state == null) {
        return startSpan(db(statement), SqlQuery.UNKNOWN);
      }
      // The batch is spent once executed (JDBC), whether it succeeds or not.
      SqlQuery query =
          state.query != null
              ? state.query.batch(state.batchSize)
              : state.batch == null
                  ? SqlQuery.UNKNOWN
                  : SqlQuery.batch(state.batch, state.batchSize);
      state.clearBatch();
      return startSpan(state.db, query);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public void end(Object object, Throwable error) {
    Call call = (Call) object;
    try {
      call.scope.close();
      double seconds = (System.nanoTime() - call.startNanos) / 1e9;
      if (error == null) {
        duration.record(seconds, call.metricAttributes.build());
      } else {
        String errorType = error.getClass().getName();
        call.span.recordException(error);
        call.span.setAttribute(DbAttributes.ERROR_TYPE, errorType);
        call.span.setStatus(StatusCode.ERROR);
        duration.record(
            seconds, call.metricAttributes.put(DbAttributes.ERROR_TYPE, errorType).build());
      }
    } catch (RuntimeException e) {
      context.fail(e);
    } finally {
      call.span.end();
    }
  }

  @Override
  public void prepared(Object connection, Object statement, String sql) {
    if (!context.isActive() || statement == null || sql == null) {
      return;
    }
    try {
      DbInfo db = connectionDb((Connection) connection);
      statements.put(statement, new StatementState(db, query(sql, db)));
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void addBatch(Object statement, String sql) {
    if (!context.isActive()) {
      return;
    }
    try {
      StatementState state = statements.get(statement);
      if (state == null) {
        // A plain statement: state only for its batch.
        state = new StatementState(db(statement), null);
        statements.put(statement, state);
      }
      state.batchSize++;
      if (sql != null) {
        if (state.batch == null) {
          state.batch = new ArrayList<>(4);
        }
        SqlQuery query = query(sql, state.db);
        if (state.batch.size() < BATCH_TEXTS && !state.batch.contains(query)) {
          state.batch.add(query);
        }
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void clearBatch(Object statement) {
    try {
      StatementState state = statements.get(statement);
      if (state != null) {
        state.clearBatch();
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  private Call startSpan(DbInfo db, SqlQuery query) {
    Context parent = Context.current();
    SpanBuilder builder =
        tracer
            .spanBuilder(spanName(db, query))
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(DbAttributes.DB_SYSTEM, db.system);
    if (db.namespace != null) {
      builder.setAttribute(DbAttributes.DB_NAMESPACE, db.namespace);
    }
    if (query.text != null) {
      builder.setAttribute(DbAttributes.DB_QUERY_TEXT, query.text);
    }
    if (query.operation != null) {
      builder.setAttribute(DbAttributes.DB_OPERATION_NAME, query.operation);
    }
    if (query.collection != null) {
      builder.setAttribute(DbAttributes.DB_COLLECTION_NAME, query.collection);
    }
    if (query.procedure != null) {
      builder.setAttribute(DbAttributes.DB_STORED_PROCEDURE_NAME, query.procedure);
    }
    if (query.batchSize > 1) {
      builder.setAttribute(DbAttributes.DB_OPERATION_BATCH_SIZE, query.batchSize);
    }
    if (db.host != null) {
      builder.setAttribute(DbAttributes.SERVER_ADDRESS, db.host);
      if (db.port > 0) {
        builder.setAttribute(DbAttributes.SERVER_PORT, (long) db.port);
      }
    }
    Span span = builder.startSpan();
    // Current while the driver runs, so a driver that speaks HTTP gets child spans.
    return new Call(
        span, parent.with(span).makeCurrent(), metricAttributes(db, query), System.nanoTime());
  }

  /** Semconv's metric attributes: those of the span without the query text and batch size. */
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

  private SqlQuery query(String sql, DbInfo db) {
    boolean mysql = db.system.equals("mysql") || db.system.equals("mariadb");
    BoundedCache<SqlQuery> cache = mysql ? mysqlQueries : standardQueries;
    SqlQuery query = cache.get(sql);
    if (query == null) {
      SqlSanitizer sanitizer = mysql ? SqlSanitizer.MYSQL : SqlSanitizer.STANDARD;
      query = SqlParser.parse(sanitizer.sanitize(sql));
      cache.put(sql, query);
    }
    return query;
  }

  private DbInfo db(Object statement) {
    try {
      return connectionDb(((Statement) statement).getConnection());
    } catch (SQLException e) {
      return DbInfo.UNKNOWN; // a closed statement: the execution fails too
    }
  }

  /** Once per connection object: a pool hands out a new proxy per borrow, the URL is cached. */
  private DbInfo connectionDb(Connection connection) {
    if (connection == null) {
      return DbInfo.UNKNOWN;
    }
    DbInfo db = connections.get(connection);
    if (db != null) {
      return db;
    }
    String url;
    try {
      url = connection.getMetaData().getURL();
    } catch (SQLException e) {
      url = null;
    }
    if (url == null) {
      db = DbInfo.UNKNOWN;
    } else {
      db = urls.get(url);
      if (db == null) {
        db = DbInfo.parse(url);
        urls.put(url, db);
      }
    }
    connections.put(connection, db);
    return db;
  }

  /** What is known about one statement: its database, its prepared query, its pending batch. */
  private static final class StatementState {
    final DbInfo db;
    final SqlQuery query;
    // Statements are used by one thread at a time (JDBC); no synchronization beyond the store's.
    long batchSize;
    ArrayList<SqlQuery> batch;

    StatementState(DbInfo db, SqlQuery query) {
      this.db = db;
      this.query = query;
    }

    void clearBatch() {
      batchSize = 0;
      batch = null;
    }
  }

  private static final class Call {
    final Span span;
    final Scope scope;
    final AttributesBuilder metricAttributes;
    final long startNanos;

    Call(Span span, Scope scope, AttributesBuilder metricAttributes, long startNanos) {
      this.span = span;
      this.scope = scope;
      this.metricAttributes = metricAttributes;
      this.startNanos = startNanos;
    }
  }
}
