package dev.meerkat.dashboard.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.meerkat.agent.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real relational state store for tests, migrated with the dashboard's own {@code db/state}
 * migrations: an H2 file in a temporary directory (PostgreSQL mode, as the dashboard opens it) or a
 * fresh database on a real PostgreSQL 15 (one server per test JVM). {@link #open()} gives another
 * connection pool on the same database: another "process".
 */
public final class StateDatabase {

  private static final AtomicInteger databases = new AtomicInteger();
  private static PostgresServer postgres;

  private final String url;
  private final String user;

  private StateDatabase(String url, String user) {
    this.url = url;
    this.user = user;
  }

  public static StateDatabase h2() {
    return h2(null);
  }

  /**
   * An H2 store migrated up to {@code targetVersion} only (null: all), to test a later migration on
   * data written before it; {@link #migrate()} applies the rest.
   */
  public static StateDatabase h2(String targetVersion) {
    try {
      Path dir = Files.createTempDirectory("meerkat-state-");
      return migrated(
          "jdbc:h2:file:"
              + dir.resolve("meerkat")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
          "",
          targetVersion);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StateDatabase postgres() {
    return postgres(null);
  }

  /** A PostgreSQL store migrated up to {@code targetVersion} only (null: all). */
  public static synchronized StateDatabase postgres(String targetVersion) {
    try {
      if (postgres == null) {
        postgres = PostgresServer.start();
      }
      String name = "state_" + databases.incrementAndGet();
      postgres.createDatabase(name);
      return migrated(postgres.jdbcUrl(name), PostgresServer.USER, targetVersion);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static StateDatabase migrated(String url, String user, String targetVersion) {
    StateDatabase database = new StateDatabase(url, user);
    database.migrateTo(targetVersion == null ? "latest" : targetVersion);
    return database;
  }

  /** Applies every migration not applied yet. */
  public void migrate() {
    migrateTo("latest");
  }

  private void migrateTo(String target) {
    try (Connection connection = open()) {
      Flyway.configure()
          .dataSource(connection.dataSource())
          .locations("classpath:db/state")
          .table("state_schema_history")
          .target(target)
          .load()
          .migrate();
    }
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** A new pool on this database; close it to "stop the process". */
  public Connection open() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(4);
    return new Connection(new HikariDataSource(config));
  }

  /** One pool with the JDBC client and transactions the repositories take. */
  public record Connection(HikariDataSource dataSource) implements AutoCloseable {

    public JdbcClient jdbc() {
      return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
      return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
      dataSource.close();
    }
  }
}
