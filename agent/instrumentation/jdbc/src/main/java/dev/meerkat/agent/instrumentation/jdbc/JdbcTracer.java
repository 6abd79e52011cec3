package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;

/**
 * The {@link JdbcHook}: one CLIENT span per statement execution, inside a request or not (a JDBC
 * call outside any trace is a root span, as with the OpenTelemetry agent). A prepared statement's
 * text is known from {@code prepareStatement}; a connection's database from its URL, read once.
 * Spans and the duration histogram: {@link DbClientTelemetry}.
 */
final class JdbcTracer implements JdbcHook {
  /** Distinct sanitized texts kept for a plain statement's batch; more are counted, not kept. */
  private static final int BATCH_TEXTS = 32;

  private final InstrumentationContext context;
  private final DbClientTelemetry telemetry;
  private final WeakStore<Object, StatementState> statements = new WeakStore<>();
  private final WeakStore<Object, DbInfo> connections = new WeakStore<>();
  private final BoundedCache<DbInfo> urls = new BoundedCache<>(100);
  private final BoundedCache<SqlQuery> standardQueries = new BoundedCache<>(1000);
  private final BoundedCache<SqlQuery> mysqlQueries = new BoundedCache<>(1000);

  JdbcTracer(InstrumentationContext context) {
    this.context = context;
    this.telemetry = DbClientTelemetry.create(context.tracer(), context.meter());
  }

  @Override
  public Object start(Object statement, String sql) {
    if (!context.isActive() || sql == null) {
      return null;
    }
    try {
      DbInfo db = db(statement);
      return telemetry.start(db, query(sql, db));
    } catch (Throwable t) {
      context.fail(t);
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
          ? telemetry.start(db(statement), SqlQuery.UNKNOWN)
          : telemetry.start(state.db, state.query == null ? SqlQuery.UNKNOWN : state.query);
    } catch (Throwable t) {
      context.fail(t);
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
        return telemetry.start(db(statement), SqlQuery.UNKNOWN);
      }
      // The batch is spent once executed (JDBC), whether it succeeds or not.
      SqlQuery query =
          state.query != null
              ? state.query.batch(state.batchSize)
              : state.batch == null
                  ? SqlQuery.UNKNOWN
                  : SqlQuery.batch(state.batch, state.batchSize);
      state.clearBatch();
      return telemetry.start(state.db, query);
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }

  @Override
  public void end(Object call, Throwable error) {
    try {
      ((DbClientTelemetry.Call) call).end(error);
    } catch (Throwable t) {
      context.fail(t);
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
    } catch (Throwable t) {
      context.fail(t);
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
        if (!hasText(state.batch, query.text)) {
          if (state.batch.size() < BATCH_TEXTS) {
            state.batch.add(query);
          } else if (!state.batch.contains(SqlQuery.UNKNOWN)) {
            // Texts past the limit are not kept: UNKNOWN stands for them, so the batch's
            // operation and collection are not claimed from the kept ones alone.
            state.batch.add(SqlQuery.UNKNOWN);
          }
        }
      }
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  @Override
  public void clearBatch(Object statement) {
    try {
      StatementState state = statements.get(statement);
      if (state != null) {
        state.clearBatch();
      }
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  private static boolean hasText(ArrayList<SqlQuery> queries, String text) {
    for (int i = 0; i < queries.size(); i++) {
      String kept = queries.get(i).text;
      if (kept == null ? text == null : kept.equals(text)) {
        return true;
      }
    }
    return false;
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

  /**
   * Once per connection object. A pool hands out a new proxy per borrow: the proxy is unwrapped to
   * the driver's connection, whose entry is then found, so the URL is read once per physical
   * connection (and a HikariCP proxy's getMetaData, which marks it dirty, is never called).
   */
  private DbInfo connectionDb(Connection connection) {
    if (connection == null) {
      return DbInfo.UNKNOWN;
    }
    DbInfo db = connections.get(connection);
    if (db != null) {
      return db;
    }
    Connection physical = unwrap(connection);
    db = physical == connection ? null : connections.get(physical);
    if (db == null) {
      db = urlDb(physical);
      connections.put(physical, db);
    }
    connections.put(connection, db);
    return db;
  }

  private DbInfo urlDb(Connection connection) {
    String url;
    try {
      url = connection.getMetaData().getURL();
    } catch (SQLException e) {
      url = null;
    }
    if (url == null) {
      return DbInfo.UNKNOWN;
    }
    DbInfo db = urls.get(url);
    if (db == null) {
      db = DbInfo.parse(url);
      urls.put(url, db);
    }
    return db;
  }

  /** The innermost connection a wrapper admits to, or the connection itself. */
  private static Connection unwrap(Connection connection) {
    try {
      if (connection.isWrapperFor(Connection.class)) {
        Connection inner = connection.unwrap(Connection.class);
        if (inner != null) {
          return inner;
        }
      }
    } catch (SQLException | RuntimeException | AbstractMethodError e) {
      // A JDBC 3 driver (no unwrap) or a wrapper that refuses: use the connection as it is.
    }
    return connection;
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
}
