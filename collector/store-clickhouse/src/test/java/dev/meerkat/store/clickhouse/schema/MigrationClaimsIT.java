package dev.meerkat.store.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.schema.ServerMigration.MigrationTimings;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationClaimsIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final List<ParsedMigration> MIGRATIONS = MigrationFiles.fromClassPath();

  @Test
  void waitsForALiveClaimOfAnotherProcessAndGivesUpAfterTheLimit() {
    try (ClickHouseStore store = clickHouse.newEmptyDatabase()) {
      claimAs(store, "pid 42 crashed-or-slow", Duration.ofMinutes(1));

      assertThatThrownBy(
              () ->
                  migration(store)
                      .withTimings(
                          new MigrationTimings(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                      .migrate())
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessage(
              "gave up after PT1S waiting for pid 42 crashed-or-slow to migrate database "
                  + store.config().database()
                  + " at "
                  + store.config().url());
      assertThat(
              store.query("SELECT count() AS n FROM schema_migrations").getFirst().longValue("n"))
          .isZero();
    }
  }

  @Test
  void takesOverWhenTheHolderStoppedHeartbeating() {
    try (ClickHouseStore store = clickHouse.newEmptyDatabase()) {
      claimAs(store, "pid 43 crashed", Duration.ofSeconds(2));

      List<String> applied =
          migration(store)
              .withTimings(new MigrationTimings(Duration.ofSeconds(2), Duration.ofSeconds(60)))
              .migrate();

      assertThat(applied)
          .containsExactlyElementsOf(MIGRATIONS.stream().map(ParsedMigration::fileName).toList());
    }
  }

  /** A claim inserted by another (pretend) process that then never heartbeats nor releases. */
  private static void claimAs(ClickHouseStore store, String owner, Duration lease) {
    store.createDatabaseIfMissing();
    SchemaChangeExecutor executor = new SchemaChangeExecutor(store);
    MigrationClaims claims = new MigrationClaims(store, executor, lease, owner);
    claims.createIfMissing();
    claims.claim();
  }

  private static ClusterAwareMigration migration(ClickHouseStore store) {
    return ClusterAwareMigration.create(store, ClusterSettings.none(), MIGRATIONS);
  }
}
