package dev.meerkat.store.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.clickhouse.schema.MigrationStatement.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSchemaRewriterTest {

  private static final List<ParsedMigration> MIGRATIONS =
      List.of(
          MigrationFiles.parse(
              "V0001__spans.sql",
              "CREATE TABLE IF NOT EXISTS spans (start_time DateTime, trace_id String,"
                  + " service_name String) ENGINE = MergeTree PARTITION BY toDate(start_time)"
                  + " ORDER BY (service_name, start_time)"),
          MigrationFiles.parse(
              "V0002__red.sql",
              "CREATE TABLE IF NOT EXISTS red (minute DateTime, service_name String, n Float64)"
                  + " ENGINE = SummingMergeTree() PARTITION BY toDate(minute) ORDER BY"
                  + " (service_name, minute);\n"
                  + "CREATE MATERIALIZED VIEW IF NOT EXISTS red_mv TO red AS SELECT"
                  + " toStartOfMinute(start_time) AS minute, service_name, count() AS n FROM spans"
                  + " GROUP BY minute, service_name"),
          MigrationFiles.parse(
              "V0003__edges.sql",
              "CREATE TABLE IF NOT EXISTS edges (a String) ENGINE = MergeTree ORDER BY a;\n"
                  + "CREATE TABLE IF NOT EXISTS red_1h AS red ENGINE = SummingMergeTree()"
                  + " ORDER BY (service_name, minute)"),
          MigrationFiles.parse(
              "V0004__columns.sql",
              "ALTER TABLE spans ADD COLUMN IF NOT EXISTS note String DEFAULT '';\n"
                  + "DROP TABLE IF EXISTS edges"));

  @Test
  void shardsTablesByTraceThenServiceThenRandomly() {
    List<SchemaChange> changes = changes(ClusterSettings.shards("meerkat", List.of("http://a")));

    assertThat(changes)
        .containsExactly(
            new SchemaChange.Create(
                "spans_local",
                "CREATE TABLE IF NOT EXISTS spans_local (start_time DateTime, trace_id String,"
                    + " service_name String) ENGINE = MergeTree PARTITION BY toDate(start_time)"
                    + " ORDER BY (service_name, start_time)"),
            new SchemaChange.Create(
                "spans",
                "CREATE TABLE IF NOT EXISTS spans AS spans_local ENGINE = Distributed(meerkat,"
                    + " db, spans_local, cityHash64(trace_id))"),
            new SchemaChange.Create(
                "red_local",
                "CREATE TABLE IF NOT EXISTS red_local (minute DateTime, service_name String, n"
                    + " Float64) ENGINE = SummingMergeTree() PARTITION BY toDate(minute) ORDER BY"
                    + " (service_name, minute)"),
            new SchemaChange.Create(
                "red",
                "CREATE TABLE IF NOT EXISTS red AS red_local ENGINE = Distributed(meerkat, db,"
                    + " red_local, cityHash64(service_name))"),
            new SchemaChange.Create(
                "red_mv",
                "CREATE MATERIALIZED VIEW IF NOT EXISTS red_mv TO red_local AS SELECT"
                    + " toStartOfMinute(start_time) AS minute, service_name, count() AS n FROM"
                    + " spans_local GROUP BY minute, service_name"),
            new SchemaChange.Create(
                "edges_local",
                "CREATE TABLE IF NOT EXISTS edges_local (a String) ENGINE = MergeTree ORDER BY a"),
            new SchemaChange.Create(
                "edges",
                "CREATE TABLE IF NOT EXISTS edges AS edges_local ENGINE = Distributed(meerkat, db,"
                    + " edges_local, rand())"),
            new SchemaChange.Create(
                "red_1h_local",
                "CREATE TABLE IF NOT EXISTS red_1h_local AS red_local ENGINE = SummingMergeTree()"
                    + " ORDER BY (service_name, minute)"),
            new SchemaChange.Create(
                "red_1h",
                "CREATE TABLE IF NOT EXISTS red_1h AS red_1h_local ENGINE = Distributed(meerkat,"
                    + " db, red_1h_local, cityHash64(service_name))"),
            new SchemaChange.AddColumns(
                "spans_local", List.of(new Column("note", "String DEFAULT ''")), ""),
            new SchemaChange.AddColumns(
                "spans", List.of(new Column("note", "String DEFAULT ''")), ""),
            new SchemaChange.Drop("edges", "DROP TABLE IF EXISTS edges"),
            new SchemaChange.Drop("edges_local", "DROP TABLE IF EXISTS edges_local"));
  }

  @Test
  void addsOnClusterAndReplicatedEnginesForClustersWithKeeper() {
    List<SchemaChange> changes = changes(new ClusterSettings("prod", List.of(), true, true));

    assertThat(changes.get(0))
        .isEqualTo(
            new SchemaChange.Create(
                "spans_local",
                "CREATE TABLE IF NOT EXISTS spans_local ON CLUSTER prod (start_time DateTime,"
                    + " trace_id String, service_name String) ENGINE ="
                    + " ReplicatedMergeTree('/clickhouse/tables/{shard}/db/spans_local',"
                    + " '{replica}') PARTITION BY toDate(start_time) ORDER BY (service_name,"
                    + " start_time)"));
    assertThat(changes.get(2))
        .isEqualTo(
            new SchemaChange.Create(
                "red_local",
                "CREATE TABLE IF NOT EXISTS red_local ON CLUSTER prod (minute DateTime,"
                    + " service_name String, n Float64) ENGINE ="
                    + " ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/db/red_local',"
                    + " '{replica}') PARTITION BY toDate(minute) ORDER BY (service_name, minute)"));
    assertThat(changes.get(1))
        .isEqualTo(
            new SchemaChange.Create(
                "spans",
                "CREATE TABLE IF NOT EXISTS spans ON CLUSTER prod AS spans_local ENGINE ="
                    + " Distributed(prod, db, spans_local, cityHash64(trace_id))"));
    assertThat(changes.get(4))
        .isEqualTo(
            new SchemaChange.Create(
                "red_mv",
                "CREATE MATERIALIZED VIEW IF NOT EXISTS red_mv ON CLUSTER prod TO red_local AS"
                    + " SELECT toStartOfMinute(start_time) AS minute, service_name, count() AS n"
                    + " FROM spans_local GROUP BY minute, service_name"));
    assertThat(changes.get(9))
        .isEqualTo(
            new SchemaChange.AddColumns(
                "spans_local",
                List.of(new Column("note", "String DEFAULT ''")),
                " ON CLUSTER prod"));
  }

  @Test
  void refusesWhatItCannotShard() {
    ClusterSettings cluster = ClusterSettings.shards("meerkat", List.of("http://a"));
    assertThatThrownBy(
            () ->
                rewriter(cluster, "CREATE TABLE IF NOT EXISTS buffer (a UInt8) ENGINE = Memory")
                    .changes(only("CREATE TABLE IF NOT EXISTS buffer (a UInt8) ENGINE = Memory")))
        .hasMessage(
            "cluster mode cannot rewrite buffer: table buffer uses engine Memory; only *MergeTree"
                + " tables can be sharded");
    String innerView =
        "CREATE MATERIALIZED VIEW IF NOT EXISTS v ENGINE = MergeTree ORDER BY a AS SELECT a FROM"
            + " t";
    assertThatThrownBy(() -> rewriter(cluster, innerView).changes(only(innerView)))
        .hasMessage(
            "cluster mode cannot rewrite v: a materialized view needs TO <table> in cluster mode");
    String join =
        "CREATE MATERIALIZED VIEW IF NOT EXISTS v TO spans AS SELECT * FROM spans JOIN red USING"
            + " (service_name)";
    assertThatThrownBy(() -> rewriter(cluster, join).changes(only(join)))
        .hasMessage(
            "cluster mode cannot rewrite v: a materialized view with JOIN cannot be sharded");
    String unknown = "CREATE MATERIALIZED VIEW IF NOT EXISTS v TO spans AS SELECT * FROM elsewhere";
    assertThatThrownBy(() -> rewriter(cluster, unknown).changes(only(unknown)))
        .hasMessage(
            "cluster mode cannot rewrite a statement on elsewhere: it is not a *MergeTree table"
                + " created by a migration");
  }

  private static List<SchemaChange> changes(ClusterSettings cluster) {
    ClusterSchemaRewriter rewriter = new ClusterSchemaRewriter(cluster, "db", MIGRATIONS);
    List<SchemaChange> changes = new ArrayList<>();
    for (ParsedMigration migration : MIGRATIONS) {
      for (MigrationStatement statement : migration.statements()) {
        changes.addAll(rewriter.changes(statement));
      }
    }
    return changes;
  }

  private static ClusterSchemaRewriter rewriter(ClusterSettings cluster, String extra) {
    List<ParsedMigration> all = new ArrayList<>(MIGRATIONS);
    all.add(MigrationFiles.parse("V0009__extra.sql", extra));
    return new ClusterSchemaRewriter(cluster, "db", all);
  }

  private static MigrationStatement only(String sql) {
    return MigrationFiles.parse("V0009__extra.sql", sql).statements().getFirst();
  }
}
