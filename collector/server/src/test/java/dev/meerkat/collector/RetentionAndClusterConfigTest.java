package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.clickhouse.retention.RetentionSettings;
import dev.meerkat.store.clickhouse.schema.ClusterSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RetentionAndClusterConfigTest {

  @Test
  void defaultsToOneServerAndDefaultRetention() {
    CollectorConfig config = CollectorConfigLoader.load(Map.of(), new Properties());

    assertThat(config.retention()).isEqualTo(new RetentionSettings(7, 30, 7, 90));
    assertThat(config.cluster()).isEqualTo(ClusterSettings.none());
  }

  @Test
  void readsRetentionDaysAndTheCluster() {
    Properties properties = new Properties();
    properties.setProperty("meerkat.retention.rollups.days", "0");
    CollectorConfig config =
        CollectorConfigLoader.load(
            Map.of(
                "MEERKAT_RETENTION_SPANS_DAYS", "3",
                "MEERKAT_RETENTION_METRICS_DAYS", "14",
                "MEERKAT_RETENTION_LOGS_DAYS", "2",
                "MEERKAT_CLICKHOUSE_URL", "http://lb:8123",
                "MEERKAT_CLICKHOUSE_CLUSTER", "meerkat",
                "MEERKAT_CLICKHOUSE_SHARD_URLS", "http://ch1:8123, http://ch2:8123"),
            properties);

    assertThat(config.retention()).isEqualTo(new RetentionSettings(3, 14, 2, 0));
    assertThat(config.cluster())
        .isEqualTo(
            ClusterSettings.shards("meerkat", List.of("http://ch1:8123", "http://ch2:8123")));
  }

  @Test
  void refusesAClusterWithoutAWayToReachEveryServer() {
    assertThatThrownBy(
            () ->
                CollectorConfigLoader.load(
                    Map.of(
                        "MEERKAT_CLICKHOUSE_URL", "http://lb:8123",
                        "MEERKAT_CLICKHOUSE_CLUSTER", "meerkat"),
                    new Properties()))
        .hasMessage(
            "MEERKAT_CLICKHOUSE_CLUSTER=meerkat needs MEERKAT_CLICKHOUSE_SHARD_URLS (the HTTP URL"
                + " of every server, comma separated, to create the tables on each) or"
                + " MEERKAT_CLICKHOUSE_ON_CLUSTER=true (for clusters with ClickHouse Keeper)");
    assertThatThrownBy(
            () ->
                CollectorConfigLoader.load(
                    Map.of(
                        "MEERKAT_CLICKHOUSE_CLUSTER", "meerkat",
                        "MEERKAT_CLICKHOUSE_ON_CLUSTER", "true"),
                    new Properties()))
        .hasMessage(
            "MEERKAT_CLICKHOUSE_CLUSTER needs MEERKAT_CLICKHOUSE_URL (a server of the cluster, or a"
                + " load balancer in front of them): the embedded ClickHouse is one server");
  }
}
