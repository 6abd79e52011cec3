package dev.meerkat.dashboard.slo.store;

import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SLO definitions in the relational store: {@code slo_definitions} holds the current version of
 * each, {@code slo_definition_versions} every version ever written (a delete is a tombstone
 * version). Both are written in one transaction.
 */
public final class JdbcSloRepository implements SloRepository {

  private static final String COLUMNS =
      "id, version, name, service, objective, window_seconds, burn_rate_threshold, webhook_url,"
          + " updated_at, deleted, indicator, latency_threshold_ms, operations, window_spec,"
          + " minimum_events, origin, labels";

  private static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

  /** Operations are stored one per line: span names have no line breaks. */
  private static final String OPERATION_SEPARATOR = "\n";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public JdbcSloRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public SloDefinition save(SloDefinition definition) {
    return transactions.execute(status -> write(definition, false));
  }

  @Override
  public List<SloDefinition> listCurrent() {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM slo_definitions WHERE deleted = FALSE ORDER BY name, id")
        .query(JdbcSloRepository::definition)
        .list();
  }

  @Override
  public Optional<SloDefinition> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM slo_definitions WHERE id = ? AND deleted = FALSE")
        .param(id)
        .query(JdbcSloRepository::definition)
        .optional();
  }

  @Override
  public void delete(String id, Instant at) {
    transactions.executeWithoutResult(
        status -> current(id).ifPresent(slo -> write(slo.withUpdatedAt(at), true)));
  }

  /** Every version of one SLO, oldest first, tombstones included. */
  public List<SloDefinition> versions(String id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM slo_definition_versions WHERE id = ? ORDER BY version")
        .param(id)
        .query(JdbcSloRepository::definition)
        .list();
  }

  private Optional<SloDefinition> current(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM slo_definitions WHERE id = ? FOR UPDATE")
        .param(id)
        .query(JdbcSloRepository::definition)
        .optional();
  }

  private SloDefinition write(SloDefinition definition, boolean deleted) {
    long latest =
        jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM slo_definition_versions WHERE id = ?")
            .param(definition.id())
            .query(Long.class)
            .single();
    SloDefinition saved = definition.withVersion(latest + 1);
    Object[] values = values(saved, deleted);
    jdbc.sql("INSERT INTO slo_definition_versions (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")")
        .params(values)
        .update();
    int updated =
        jdbc.sql(
                "UPDATE slo_definitions SET version = ?, name = ?, service = ?, objective = ?,"
                    + " window_seconds = ?, burn_rate_threshold = ?, webhook_url = ?,"
                    + " updated_at = ?, deleted = ?, indicator = ?, latency_threshold_ms = ?,"
                    + " operations = ?, window_spec = ?, minimum_events = ?, origin = ?,"
                    + " labels = ?"
                    + " WHERE id = ?")
            .params(
                values[1],
                values[2],
                values[3],
                values[4],
                values[5],
                values[6],
                values[7],
                values[8],
                values[9],
                values[10],
                values[11],
                values[12],
                values[13],
                values[14],
                values[15],
                values[16],
                values[0])
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO slo_definitions (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")")
          .params(values)
          .update();
    }
    return saved;
  }

  private static Object[] values(SloDefinition slo, boolean deleted) {
    return new Object[] {
      slo.id(),
      slo.version(),
      slo.name(),
      slo.service(),
      slo.objective(),
      slo.window().toSeconds(),
      slo.burnRateThreshold(),
      slo.webhookUrl(),
      OffsetDateTime.ofInstant(slo.updatedAt(), ZoneOffset.UTC),
      deleted,
      slo.spec().indicator(),
      slo.spec().latencyThresholdMillis(),
      String.join(OPERATION_SEPARATOR, slo.spec().operations()),
      slo.spec().window(),
      slo.spec().minimumEvents(),
      slo.spec().origin(),
      labels(slo.spec().labels())
    };
  }

  private static SloDefinition definition(ResultSet rs, int row) throws SQLException {
    return new SloDefinition(
        rs.getString("id"),
        rs.getLong("version"),
        rs.getString("name"),
        rs.getString("service"),
        rs.getDouble("objective"),
        Duration.ofSeconds(rs.getLong("window_seconds")),
        rs.getDouble("burn_rate_threshold"),
        rs.getString("webhook_url"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        new SloSpec(
            rs.getString("indicator"),
            rs.getLong("latency_threshold_ms"),
            operations(rs.getString("operations")),
            rs.getString("window_spec"),
            rs.getDouble("minimum_events"),
            rs.getString("origin"),
            labels(rs.getString("labels"))));
  }

  /** Labels are stored one {@code name=value} per line, sorted by name. */
  private static String labels(Map<String, String> labels) {
    StringBuilder text = new StringBuilder();
    labels.forEach(
        (name, value) ->
            text.append(text.isEmpty() ? "" : OPERATION_SEPARATOR)
                .append(name)
                .append('=')
                .append(value));
    return text.toString();
  }

  private static Map<String, String> labels(String stored) {
    Map<String, String> labels = new TreeMap<>();
    for (String line : stored.isEmpty() ? new String[0] : stored.split(OPERATION_SEPARATOR)) {
      int eq = line.indexOf('=');
      labels.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return labels;
  }

  private static List<String> operations(String stored) {
    return stored.isEmpty() ? List.of() : List.of(stored.split(OPERATION_SEPARATOR));
  }
}
