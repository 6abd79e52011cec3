package dev.meerkat.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigratorIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();

  @Test
  void appliesEveryMigrationOnceInOrder() {
    try (ClickHouseStore store = clickHouse.newEmptyDatabase()) {
      List<String> expected =
          SchemaMigrator.loadMigrations().stream().map(SchemaMigrator.Migration::fileName).toList();

      List<String> first = SchemaMigrator.create(store).migrate();
      List<String> second = SchemaMigrator.create(store).migrate();

      assertThat(expected).startsWith("V0001__spans.sql", "V0002__trace_index.sql");
      assertThat(first).containsExactlyElementsOf(expected);
      assertThat(second).isEmpty();
      assertThat(store.query("SELECT version, name FROM schema_migrations ORDER BY version"))
          .extracting(row -> row.string("name"))
          .containsExactlyElementsOf(expected);
      assertThat(
              store.query(
                  "SELECT name FROM system.tables WHERE database = "
                      + ClickHouseStore.quote(store.config().database())
                      + " ORDER BY name"))
          .extracting(row -> row.string("name"))
          .contains("spans", "trace_index", "span_red_1m", "span_red_1m_mv", "metric_points");
    }
  }
}
