package dev.meerkat.store.clickhouse;

import dev.meerkat.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered migrations under {@code db/migration} ({@code V0001__spans.sql}, ...) in
 * order, once each, recording them in {@code schema_migrations}. Each file holds one statement (the
 * HTTP interface runs one statement per request).
 */
public final class SchemaMigrator {

  static final String LOCATION = "db/migration";
  private static final Pattern FILE_NAME = Pattern.compile("V(\\d{4})__([A-Za-z0-9_]+)\\.sql");
  private static final Logger logger = LoggerFactory.getLogger(SchemaMigrator.class);

  private final ClickHouseStore store;

  private SchemaMigrator(ClickHouseStore store) {
    this.store = store;
  }

  public static SchemaMigrator create(ClickHouseStore store) {
    return new SchemaMigrator(store);
  }

  /** A migration file: its version, name and SQL. */
  public record Migration(int version, String fileName, String sql) {}

  /**
   * Creates the database and {@code schema_migrations} if missing, then applies every migration not
   * yet recorded. Returns the file names applied by this call (empty when up to date).
   */
  public List<String> migrate() {
    store.createDatabaseIfMissing();
    store.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
            + " (version UInt32, name String, applied_at DateTime)"
            + " ENGINE = MergeTree ORDER BY version");
    Set<Long> applied = new HashSet<>();
    for (Row row : store.query("SELECT version FROM schema_migrations")) {
      applied.add(row.longValue("version"));
    }
    List<String> appliedNow = new ArrayList<>();
    for (Migration migration : loadMigrations()) {
      if (applied.contains((long) migration.version())) {
        continue;
      }
      try {
        store.execute(migration.sql());
      } catch (StoreException e) {
        throw new StoreException(
            "migration " + migration.fileName() + " failed: " + e.getMessage(), e.retryable(), e);
      }
      store.execute(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ("
              + migration.version()
              + ", "
              + ClickHouseStore.quote(migration.fileName())
              + ", now())");
      logger.info(
          "Applied migration {} to database {}", migration.fileName(), store.config().database());
      appliedNow.add(migration.fileName());
    }
    return List.copyOf(appliedNow);
  }

  /** The migrations on the class path, ordered by version; duplicate versions fail. */
  static List<Migration> loadMigrations() {
    URL location = SchemaMigrator.class.getClassLoader().getResource(LOCATION);
    if (location == null) {
      throw new IllegalStateException("no " + LOCATION + " on the class path");
    }
    try {
      if ("jar".equals(location.getProtocol())) {
        try (FileSystem jar = FileSystems.newFileSystem(location.toURI(), Map.of())) {
          return readAll(jar.getPath(LOCATION));
        } catch (FileSystemAlreadyExistsException e) {
          // Someone else holds the jar open; read through theirs and leave it open.
          return readAll(FileSystems.getFileSystem(location.toURI()).getPath(LOCATION));
        }
      }
      return readAll(Path.of(location.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migrations from " + location, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad migration location " + location, e);
    }
  }

  private static List<Migration> readAll(Path directory) throws IOException {
    List<Migration> migrations = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String fileName = file.getFileName().toString();
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
          throw new IllegalStateException(
              "migration file " + fileName + " is not named V<4 digits>__<name>.sql");
        }
        try (InputStream in = Files.newInputStream(file)) {
          String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
          migrations.add(new Migration(Integer.parseInt(matcher.group(1)), fileName, sql));
        }
      }
    }
    migrations.sort((a, b) -> Integer.compare(a.version(), b.version()));
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() == migrations.get(i - 1).version()) {
        throw new IllegalStateException(
            "two migrations share version "
                + migrations.get(i).version()
                + ": "
                + migrations.get(i - 1).fileName()
                + " and "
                + migrations.get(i).fileName());
      }
    }
    return List.copyOf(migrations);
  }
}
