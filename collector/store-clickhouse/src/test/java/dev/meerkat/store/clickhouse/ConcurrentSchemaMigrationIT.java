package dev.meerkat.store.clickhouse;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several collectors and the dashboard start together against one ClickHouse: four migrators on
 * threads of this JVM and one in a child JVM migrate one fresh database at the same moment.
 */
class ConcurrentSchemaMigrationIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final int THREADS = 4;
  private static final int ROUNDS = 3;

  @Test
  void migratorsStartedTogetherBuildTheSchemaOnceAndCompletely() throws Exception {
    List<String> expected =
        SchemaMigrator.loadMigrations().stream().map(SchemaMigrator.Migration::fileName).toList();
    List<String> referenceSchema;
    try (ClickHouseStore reference = clickHouse.newDatabase()) {
      referenceSchema = schema(reference);
    }
    for (int round = 0; round < ROUNDS; round++) {
      ClickHouseConfig config = clickHouse.newDatabaseConfig();
      List<List<String>> appliedByEach = migrateTogether(config);

      List<String> appliedByAll = new ArrayList<>();
      appliedByEach.forEach(appliedByAll::addAll);
      // Exactly one migrator applied each file; the others found the work done.
      assertThat(appliedByAll).containsExactlyInAnyOrderElementsOf(expected);
      try (ClickHouseStore store = ClickHouseStore.connect(config)) {
        assertThat(schema(store)).containsExactlyElementsOf(referenceSchema);
        assertThat(
                store.query(
                    "SELECT version, count() AS n FROM schema_migrations GROUP BY version"
                        + " ORDER BY version"))
            .extracting(row -> row.longValue("version") + "x" + row.longValue("n"))
            .containsExactlyElementsOf(
                SchemaMigrator.loadMigrations().stream().map(m -> m.version() + "x1").toList());
      }
    }
  }

  @Test
  void refusesAnAppliedMigrationWhoseFileChanged() {
    try (ClickHouseStore store = clickHouse.newDatabase()) {
      store.execute(
          "INSERT INTO schema_migrations (version, name, applied_at, checksum)"
              + " VALUES (3, 'V0003__trace_index_mv.sql', now(), 'abc')");

      assertThatThrownBy(() -> SchemaMigrator.create(store).migrate())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "migration V0003__trace_index_mv.sql was applied to database "
                  + store.config().database()
                  + " at "
                  + store.config().url()
                  + " with checksum abc but the file now has checksum ")
          .hasMessageEndingWith(
              ": an applied migration must not change; undo the edit and add a new migration"
                  + " instead");
    }
  }

  @Test
  void upgradesALedgerWrittenWithoutChecksums() {
    try (ClickHouseStore store = clickHouse.newDatabase()) {
      store.execute("DROP TABLE schema_migrations");
      store.execute(
          "CREATE TABLE schema_migrations (version UInt32, name String, applied_at DateTime)"
              + " ENGINE = MergeTree ORDER BY version");
      for (SchemaMigrator.Migration migration : SchemaMigrator.loadMigrations()) {
        store.execute(
            "INSERT INTO schema_migrations VALUES ("
                + migration.version()
                + ", "
                + quote(migration.fileName())
                + ", now())");
      }

      assertThat(SchemaMigrator.create(store).migrate()).isEmpty();
      assertThat(store.query("SELECT DISTINCT checksum FROM schema_migrations"))
          .extracting(row -> row.string("checksum"))
          .containsExactly("");
    }
  }

  /** Starts the child JVM and the threads, releases them at once, returns what each applied. */
  private static List<List<String>> migrateTogether(ClickHouseConfig config) throws Exception {
    Process child = startChild(config);
    BufferedReader childOutput =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    awaitLine(childOutput, "READY");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(
            threads.submit(
                () -> {
                  try (ClickHouseStore store = ClickHouseStore.connect(config)) {
                    start.await();
                    return SchemaMigrator.create(store).migrate();
                  }
                }));
      }
      try (OutputStream stdin = child.getOutputStream()) {
        stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
      }
      start.countDown();
      List<List<String>> applied = new ArrayList<>();
      for (Future<List<String>> result : results) {
        applied.add(result.get(5, TimeUnit.MINUTES));
      }
      String line = awaitLine(childOutput, "APPLIED:");
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(child.exitValue()).isZero();
      String names = line.substring("APPLIED:".length());
      applied.add(names.isEmpty() ? List.of() : List.of(names.split(",")));
      return applied;
    } finally {
      threads.shutdownNow();
      child.destroyForcibly();
    }
  }

  private static Process startChild(ClickHouseConfig config) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SchemaMigratorChild.class.getName(),
            config.url(),
            config.database())
        .redirectErrorStream(true)
        .start();
  }

  /** Reads until a line starting with {@code prefix}; fails with the output when the JVM ends. */
  private static String awaitLine(BufferedReader output, String prefix) throws IOException {
    StringBuilder seen = new StringBuilder();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("child JVM ended without printing " + prefix + ":\n" + seen);
  }

  /** Every table with its engine and columns, the database name left out. */
  private static List<String> schema(ClickHouseStore store) {
    String database = quote(store.config().database());
    List<String> schema = new ArrayList<>();
    store
        .query(
            "SELECT name, engine FROM system.tables WHERE database = "
                + database
                + " ORDER BY name")
        .forEach(row -> schema.add(row.string("name") + " " + row.string("engine")));
    store
        .query(
            "SELECT table, name, type FROM system.columns WHERE database = "
                + database
                + " ORDER BY table, name")
        .forEach(
            row ->
                schema.add(
                    row.string("table") + "." + row.string("name") + " " + row.string("type")));
    return schema;
  }
}
