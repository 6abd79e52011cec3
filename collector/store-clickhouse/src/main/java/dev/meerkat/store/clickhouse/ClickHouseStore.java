package dev.meerkat.store.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.meerkat.store.StoreException;
import dev.meerkat.store.query.QueryLimits;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Meerkat's connection to one ClickHouse database, shaped for ClickHouse 18.16 and current releases
 * alike. Thread-safe; create one per process and close it on shutdown.
 *
 * <p>Statements and text queries go over HTTP with readable server errors (see {@link
 * StatementClient}); bulk inserts stream RowBinary through the official client-v2, configured with
 * the settings 18.16 needs: an explicit password (else it sends "null"), no response compression
 * (else 18.16 answers SELECTs with an empty body) and the database as a server setting (18.16
 * ignores the database header).
 */
public final class ClickHouseStore implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(120);
  private static final long INSERT_TIMEOUT_SECONDS = 120;
  // The server cuts an insert into blocks of max_insert_block_size rows (default 1,048,576) and
  // only one block into one partition is atomic: keep every insert one block, so a retried batch
  // is either wholly stored or not at all (the writers' exactly-once check relies on it).
  private static final String ONE_BLOCK_ROWS = "1000000000";

  private final ClickHouseConfig config;
  private final QueryLimits limits;
  private final StatementClient statements;
  private final Client insertClient;

  private ClickHouseStore(ClickHouseConfig config, QueryLimits limits) {
    this.config = config;
    this.limits = limits;
    this.statements = new StatementClient(config, CONNECT_TIMEOUT);
    this.insertClient =
        new Client.Builder()
            .addEndpoint(config.url())
            .setUsername(config.user())
            .setPassword(config.password())
            .compressServerResponse(false)
            .serverSetting("database", config.database())
            .serverSetting("wait_end_of_query", "1")
            // In cluster mode inserts go to a Distributed table: acknowledge only once the rows
            // are on their shards, not queued on this server (no effect on a MergeTree table).
            .serverSetting("insert_distributed_sync", "1")
            .setConnectTimeout(CONNECT_TIMEOUT.toMillis())
            .setSocketTimeout(INSERT_TIMEOUT_SECONDS, ChronoUnit.SECONDS)
            // Retries belong to the pipeline, which knows whether a batch may be sent twice.
            .setMaxRetries(0)
            .setClientName("meerkat")
            .build();
  }

  /** A store for {@code config.database()}; does not contact the server yet. */
  public static ClickHouseStore connect(ClickHouseConfig config) {
    return connect(config, QueryLimits.defaults());
  }

  /** A store whose read repositories apply {@code limits} to every query ({@link #read}). */
  public static ClickHouseStore connect(ClickHouseConfig config, QueryLimits limits) {
    return new ClickHouseStore(config, Objects.requireNonNull(limits, "limits"));
  }

  public ClickHouseConfig config() {
    return config;
  }

  /** The limits {@link #read} applies; read repositories also check time ranges against them. */
  public QueryLimits limits() {
    return limits;
  }

  /**
   * Runs a SELECT for a reader (the dashboard's pages, its API, the evaluators) under {@link
   * #limits}: at most {@code maxRows} rows, or {@link QueryLimitException}; the server stops the
   * query after {@code timeout}, reported as {@link QueryLimitException} too. {@code sql} must not
   * name a format. Internal statements (migrations, retention) use {@link #query}.
   */
  public List<Row> read(String sql) {
    return TabSeparated.parse(
        statements.sendRead(sql + "\nFORMAT TabSeparatedWithNames", config.database(), limits));
  }

  /** Runs a statement that returns no rows (DDL, INSERT ... VALUES, ALTER). */
  public void execute(String sql) {
    statements.send(sql, config.database(), STATEMENT_TIMEOUT);
  }

  /**
   * Runs a SELECT and returns all rows. The store appends {@code FORMAT TabSeparatedWithNames}, so
   * {@code sql} must not name a format.
   */
  public List<Row> query(String sql) {
    return TabSeparated.parse(
        statements.send(
            sql + "\nFORMAT TabSeparatedWithNames", config.database(), STATEMENT_TIMEOUT));
  }

  /** Creates the configured database if it does not exist (runs without a current database). */
  public void createDatabaseIfMissing() {
    statements.send("CREATE DATABASE IF NOT EXISTS " + config.database(), null, STATEMENT_TIMEOUT);
  }

  /** The server's version, for example {@code 18.16.1}. */
  public String serverVersion() {
    return statements.send("SELECT version()", null, STATEMENT_TIMEOUT).strip();
  }

  /** Whether the server answers {@code SELECT 1} within {@code timeout}. Never throws. */
  public boolean ping(Duration timeout) {
    try {
      return "1".equals(statements.send("SELECT 1", null, timeout).strip());
    } catch (StoreException e) {
      return false;
    }
  }

  /**
   * Streams rows into {@code table} as RowBinary (ClickHouse's fast path). {@code columns} names
   * the columns {@code writer} writes, in order. Throws {@link StoreException} on any failure.
   */
  public void insertRowBinary(String table, List<String> columns, RowBinaryWriter writer) {
    try (InsertResponse ignored =
        insertClient
            .insert(
                table,
                columns,
                out -> {
                  RowBinaryOutput rows = new RowBinaryOutput(out);
                  writer.writeRows(rows);
                  rows.flush();
                },
                ClickHouseFormat.RowBinary,
                // A new settings object per insert: the client may add to it.
                new InsertSettings().serverSetting("max_insert_block_size", ONE_BLOCK_ROWS))
            .get(INSERT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      // Nothing to read: 18.16 reports written_rows as -1.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while inserting into " + table, true, e);
    } catch (TimeoutException e) {
      throw new StoreException(
          "insert into " + table + " took longer than " + INSERT_TIMEOUT_SECONDS + " s", true, e);
    } catch (ExecutionException e) {
      throw insertFailure(table, e.getCause());
    } catch (Exception e) {
      throw insertFailure(table, e);
    }
  }

  private static StoreException insertFailure(String table, Throwable cause) {
    if (cause instanceof StoreException storeException) {
      return storeException;
    }
    if (cause instanceof ServerException server) {
      int status = server.getTransportProtocolCode();
      // client-v2 0.9.4 cannot read 18.16's error body; the status is all it keeps. Only 400 means
      // the rows themselves are wrong (parse or type errors): retrying cannot help. Everything else
      // may pass later: 5xx (memory, overload), and 404 too, which ClickHouse answers for every
      // table while it shuts down (measured on 18.16) and while a database is being recreated, so
      // accepted data waits in the spool instead of being given up.
      return new StoreException(
          "insert into " + table + " failed with HTTP " + status + ": " + server.getMessage(),
          status != 400 || server.isRetryable(),
          cause);
    }
    boolean io = hasCause(cause, IOException.class);
    return new StoreException("insert into " + table + " failed: " + cause, io, cause);
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Quotes {@code value} as a ClickHouse string literal, escaping backslashes, quotes and control
   * characters. Use it for every value put into SQL: server-side parameters do not work on 18.16.
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\0' -> out.append("\\0");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  @Override
  public void close() {
    insertClient.close();
    statements.close();
  }
}
