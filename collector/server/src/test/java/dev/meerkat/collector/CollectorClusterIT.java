package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.clickhouse.embedded.LocalCluster;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collector in cluster mode on two ClickHouse servers (one shard each), end to end over OTLP. */
class CollectorClusterIT {

  private static final String CLUSTER = "meerkat_collector_test";
  private static final String DATABASE = "meerkat";
  private static final int TRACES = 40;

  @TempDir Path directory;

  @Test
  void migratesEveryShardAndSpreadsReceivedTracesOverThem() throws Exception {
    int[] http = {ClickHouseFixture.freePort(), ClickHouseFixture.freePort()};
    int[] tcp = {ClickHouseFixture.freePort(), ClickHouseFixture.freePort()};
    LocalCluster cluster = new LocalCluster(CLUSTER, List.of(tcp[0], tcp[1]));
    try (EmbeddedClickHouse first =
            EmbeddedClickHouse.start(directory.resolve("shard1"), http[0], tcp[0], cluster);
        EmbeddedClickHouse second =
            EmbeddedClickHouse.start(directory.resolve("shard2"), http[1], tcp[1], cluster)) {
      Collector collector =
          Collector.start(
              config(first.url(), List.of(first.url(), second.url()), directory.resolve("data")));
      try (HttpClient client = HttpClient.newHttpClient()) {
        HttpResponse<byte[]> response =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + collector.otlpHttpPort() + "/v1/traces"))
                    .header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(traces()))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
      } finally {
        // Flushes the queue into ClickHouse before the shards are read.
        collector.close();
      }

      List<Long> perShard = new ArrayList<>();
      for (String url : List.of(first.url(), second.url())) {
        try (ClickHouseStore shard =
            ClickHouseStore.connect(ClickHouseConfig.create(url).withDatabase(DATABASE))) {
          assertThat(count(shard, "spans")).isEqualTo(TRACES);
          perShard.add(count(shard, "spans_local"));
        }
      }
      assertThat(perShard).allMatch(spans -> spans > 0);
      assertThat(perShard.get(0) + perShard.get(1)).isEqualTo(TRACES);
    }
  }

  private static CollectorConfig config(String url, List<String> shardUrls, Path dataDir) {
    return TestCollectorConfig.with(
        url,
        DATABASE,
        dataDir,
        Map.of(
            "MEERKAT_CLICKHOUSE_CLUSTER",
            CLUSTER,
            "MEERKAT_CLICKHOUSE_SHARD_URLS",
            String.join(",", shardUrls)));
  }

  /** One SERVER span in each of {@link #TRACES} traces. */
  private static byte[] traces() {
    Span[] spans = new Span[TRACES];
    for (int i = 0; i < TRACES; i++) {
      spans[i] =
          OtlpRequests.span(
                  String.format("%016x", i + 1), "GET /", Span.SpanKind.SPAN_KIND_SERVER, 1)
              .setTraceId(ByteString.copyFrom(traceIdBytes(i)))
              .build();
    }
    return OtlpRequests.traces("checkout", spans).toByteArray();
  }

  private static byte[] traceIdBytes(int trace) {
    byte[] id = new byte[16];
    long mixed = 0x9e3779b97f4a7c15L * (trace + 1);
    for (int i = 0; i < 8; i++) {
      id[i] = (byte) (mixed >>> (8 * i));
      id[15 - i] = (byte) (trace >>> (8 * (i % 4)));
    }
    return id;
  }

  private static long count(ClickHouseStore store, String table) {
    return store.query("SELECT count() AS n FROM " + table).getFirst().longValue("n");
  }
}
