package dev.meerkat.store.clickhouse.schema;

import java.util.List;
import java.util.Objects;

/**
 * Cluster mode: Meerkat's tables become {@code Distributed} tables over per-shard {@code _local}
 * tables of the ClickHouse cluster {@code cluster} (as named in the servers' {@code
 * remote_servers}).
 *
 * @param cluster the cluster name; empty for one server (no cluster mode)
 * @param shardUrls the HTTP URL of every server of the cluster (every replica of every shard): the
 *     migrator runs the schema on each, and retention drops old partitions on each
 * @param onCluster run each statement once with {@code ON CLUSTER} instead (needs ClickHouse Keeper
 *     or ZooKeeper on the cluster); then {@code shardUrls} may be empty
 * @param replicated make the per-server tables {@code Replicated*MergeTree} (path {@code
 *     /clickhouse/tables/{shard}/<database>/<table>}, replica {@code {replica}}: both macros must
 *     be defined on every server), for shards with several replicas
 */
public record ClusterSettings(
    String cluster, List<String> shardUrls, boolean onCluster, boolean replicated) {

  public ClusterSettings {
    Objects.requireNonNull(cluster, "cluster");
    shardUrls = List.copyOf(shardUrls);
    if (cluster.isEmpty()) {
      if (!shardUrls.isEmpty() || onCluster || replicated) {
        throw new IllegalArgumentException(
            "MEERKAT_CLICKHOUSE_SHARD_URLS, MEERKAT_CLICKHOUSE_ON_CLUSTER and"
                + " MEERKAT_CLICKHOUSE_REPLICATED need"
                + " MEERKAT_CLICKHOUSE_CLUSTER (the cluster name from remote_servers)");
      }
    } else {
      requireValid(cluster, shardUrls, onCluster);
    }
  }

  private static void requireValid(String cluster, List<String> shardUrls, boolean onCluster) {
    if (!cluster.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "MEERKAT_CLICKHOUSE_CLUSTER must match [A-Za-z_][A-Za-z0-9_]*, got: " + cluster);
    }
    if (!onCluster && shardUrls.isEmpty()) {
      throw new IllegalArgumentException(
          "MEERKAT_CLICKHOUSE_CLUSTER="
              + cluster
              + " needs MEERKAT_CLICKHOUSE_SHARD_URLS (the HTTP URL of every server, comma"
              + " separated, to create the tables on each) or MEERKAT_CLICKHOUSE_ON_CLUSTER=true"
              + " (for clusters with ClickHouse Keeper)");
    }
    for (String url : shardUrls) {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException(
            "MEERKAT_CLICKHOUSE_SHARD_URLS must hold http:// or https:// URLs, got: " + url);
      }
    }
  }

  /** One server, no cluster. */
  public static ClusterSettings none() {
    return new ClusterSettings("", List.of(), false, false);
  }

  /** Cluster {@code cluster}, schema run on each of {@code shardUrls}. */
  public static ClusterSettings shards(String cluster, List<String> shardUrls) {
    return new ClusterSettings(cluster, shardUrls, false, false);
  }

  public boolean enabled() {
    return !cluster.isEmpty();
  }

  /** The name of the per-server table behind the Distributed table {@code table}. */
  public static String localTable(String table) {
    return table + "_local";
  }
}
