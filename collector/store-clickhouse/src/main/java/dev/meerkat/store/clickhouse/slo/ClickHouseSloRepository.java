package dev.meerkat.store.clickhouse.slo;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link SloRepository} over {@code slo_definitions}. The latest version is read with {@code
 * argMax(column, version)}; aliases differ from column names because 18.16 resolves an alias equal
 * to a column name inside the aggregate as a cycle.
 */
public final class ClickHouseSloRepository implements SloRepository {

  private static final String LATEST =
      "SELECT slo_id, max(version) AS latest_version, argMax(name, version) AS slo_name,"
          + " argMax(service_name, version) AS service,"
          + " argMax(objective, version) AS slo_objective,"
          + " argMax(window_seconds, version) AS slo_window_seconds,"
          + " argMax(burn_rate_threshold, version) AS threshold,"
          + " argMax(webhook_url, version) AS webhook,"
          + " argMax(deleted, version) AS is_deleted,"
          + " toUInt32(argMax(updated_at, version)) AS updated_epoch"
          + " FROM slo_definitions";

  private final ClickHouseStore store;

  public ClickHouseSloRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public SloDefinition save(SloDefinition definition) {
    SloDefinition saved = definition.withVersion(nextVersion(definition.id()));
    insert(saved, false);
    return saved;
  }

  @Override
  public List<SloDefinition> listCurrent() {
    return store
        .query(LATEST + " GROUP BY slo_id HAVING is_deleted = 0 ORDER BY slo_name, slo_id")
        .stream()
        .map(ClickHouseSloRepository::definition)
        .toList();
  }

  @Override
  public Optional<SloDefinition> find(String id) {
    return store
        .query(LATEST + " WHERE slo_id = " + quote(id) + " GROUP BY slo_id HAVING is_deleted = 0")
        .stream()
        .findFirst()
        .map(ClickHouseSloRepository::definition);
  }

  @Override
  public void delete(String id, Instant at) {
    Optional<SloDefinition> current = find(id);
    if (current.isEmpty()) {
      return;
    }
    SloDefinition last = current.get();
    SloDefinition tombstone =
        new SloDefinition(
                id,
                0,
                last.name(),
                last.service(),
                last.objective(),
                last.window(),
                last.burnRateThreshold(),
                last.webhookUrl(),
                at)
            .withVersion(nextVersion(id));
    insert(tombstone, true);
  }

  private long nextVersion(String id) {
    return store
            .query("SELECT max(version) AS v FROM slo_definitions WHERE slo_id = " + quote(id))
            .getFirst()
            .longValue("v")
        + 1;
  }

  private void insert(SloDefinition d, boolean deleted) {
    store.execute(
        "INSERT INTO slo_definitions (slo_id, version, name, service_name, objective,"
            + " window_seconds, burn_rate_threshold, webhook_url, deleted, updated_at) VALUES ("
            + String.join(
                ", ",
                quote(d.id()),
                Long.toString(d.version()),
                quote(d.name()),
                quote(d.service()),
                Double.toString(d.objective()),
                Long.toString(d.window().toSeconds()),
                Double.toString(d.burnRateThreshold()),
                quote(d.webhookUrl()),
                deleted ? "1" : "0",
                "toDateTime(" + d.updatedAt().getEpochSecond() + ")")
            + ")");
  }

  private static SloDefinition definition(Row row) {
    return new SloDefinition(
        row.string("slo_id"),
        row.longValue("latest_version"),
        row.string("slo_name"),
        row.string("service"),
        row.doubleValue("slo_objective"),
        Duration.ofSeconds(row.longValue("slo_window_seconds")),
        row.doubleValue("threshold"),
        row.string("webhook"),
        Instant.ofEpochSecond(row.longValue("updated_epoch")));
  }
}
