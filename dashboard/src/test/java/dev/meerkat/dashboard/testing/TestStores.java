package dev.meerkat.dashboard.testing;

import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What one test class's dashboard stores its data in: a private database on the shared test
 * ClickHouse and a fresh state directory. One per class that seeds its own data, so no two classes
 * see each other's rows (and Spring never shares their contexts: the registering method differs).
 */
public record TestStores(ClickHouseConfig database, Path stateDir) {

  /** A new private database and a new state directory named from {@code stateDirPrefix}. */
  public static TestStores create(String stateDirPrefix) {
    return new TestStores(
        ClickHouseFixture.shared().newDatabaseConfig(),
        TemporaryDirectories.create(stateDirPrefix));
  }

  /** Points the dashboard at these stores; call from the class's {@code @DynamicPropertySource}. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("meerkat.clickhouse.url", database::url);
    registry.add("meerkat.clickhouse.database", database::database);
    registry.add("meerkat.data-dir", stateDir::toString);
  }

  /** Creates the tables (the schema migration) in the database, for a class that seeds none. */
  public void migrate() {
    try (ClickHouseStore store = migrated()) {
      // migrated() did the work; nothing to seed
    }
  }

  /** A connection to the database with the schema migrated, for seeding; the caller closes it. */
  public ClickHouseStore migrated() {
    ClickHouseStore store = ClickHouseStore.connect(database);
    SchemaMigrator.create(store).migrate();
    return store;
  }
}
