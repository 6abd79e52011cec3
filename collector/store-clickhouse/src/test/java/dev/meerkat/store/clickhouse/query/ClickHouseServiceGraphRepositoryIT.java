package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.graph.ConnectionType;
import dev.meerkat.store.query.graph.GraphEdge;
import dev.meerkat.store.query.graph.GraphNode;
import dev.meerkat.store.query.graph.NodeType;
import dev.meerkat.store.query.graph.ServiceGraph;
import dev.meerkat.store.query.graph.ServiceGraphRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseServiceGraphRepositoryIT {

  private static final Instant T12 = Instant.parse("2026-03-01T12:00:00Z");

  /** [11:30, 13:30): minutes 11:30-12:00, the hour 12:00, minutes 13:00-13:30. */
  private static final Instant FROM = T12.minus(Duration.ofMinutes(30));

  private static final Instant TO = T12.plus(Duration.ofMinutes(90));
  private static final double SECONDS = 120 * 60;

  private static final Duration MS = Duration.ofMillis(1);

  /** 1 ms = 1000 µs falls in bucket floor(4 * log2(1000)) = 39, upper bound 2^10 µs. */
  private static final double P_1MS = 1.024;

  /** 100 ms falls in bucket floor(4 * log2(100000)) = 66, upper bound 2^16.75 µs. */
  private static final double P_100MS = Math.pow(2, 16.75) / 1000;

  private static ClickHouseStore store;
  private static ServiceGraphRepository repository;
  private static int ids;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    repository = new ClickHouseServiceGraphRepository(store);
    TestSpans spans = TestSpans.create();
    Instant head = T12.minus(Duration.ofMinutes(15));
    Instant hour = T12.plus(Duration.ofMinutes(30));
    Instant tail = T12.plus(Duration.ofMinutes(70));
    add(spans, 10, "frontend", "CLIENT", hour, MS, "OK", 1, "peer.service", "backend");
    add(
        spans,
        2,
        "frontend",
        "CLIENT",
        head,
        MS.multipliedBy(100),
        "ERROR",
        1,
        "peer.service",
        "backend");
    add(spans, 4, "frontend", "CLIENT", hour, MS, "OK", 1, "server.address", "api.stripe.com");
    add(spans, 1, "frontend", "CLIENT", tail, MS, "OK", 1, "net.peer.name", "legacy");
    add(spans, 5, "backend", "SERVER", hour, MS, "OK", 1);
    add(
        spans,
        5,
        "backend",
        "CLIENT",
        tail,
        MS.multipliedBy(100),
        "OK",
        2,
        "db.system",
        "postgresql",
        "db.name",
        "orders",
        "server.address",
        "db1");
    add(
        spans,
        3,
        "backend",
        "PRODUCER",
        head,
        MS,
        "OK",
        1,
        "messaging.system",
        "kafka",
        "messaging.destination.name",
        "orders");
    // A call by address to the one service that answered there, and one naming it by
    // peer.service: one edge to the service.
    add(
        spans,
        6,
        "frontend",
        "CLIENT",
        hour,
        MS,
        "OK",
        1,
        "server.address",
        "inventory",
        "server.port",
        "8080");
    add(
        spans,
        2,
        "frontend",
        "CLIENT",
        head,
        MS.multipliedBy(100),
        "ERROR",
        1,
        "peer.service",
        "inventory");
    add(
        spans,
        6,
        "inventory",
        "SERVER",
        hour,
        MS,
        "OK",
        1,
        "server.address",
        "inventory",
        "server.port",
        "8080");
    // Two services answered at lb:80: it stays a host. payments answered at payments:9090 only
    // long before the window: a host too.
    add(
        spans,
        3,
        "frontend",
        "CLIENT",
        hour,
        MS,
        "OK",
        1,
        "server.address",
        "lb",
        "server.port",
        "80");
    add(
        spans,
        1,
        "inventory",
        "SERVER",
        hour,
        MS,
        "OK",
        1,
        "server.address",
        "lb",
        "server.port",
        "80");
    add(
        spans,
        1,
        "backend",
        "SERVER",
        hour,
        MS,
        "OK",
        1,
        "server.address",
        "lb",
        "server.port",
        "80");
    add(
        spans,
        2,
        "frontend",
        "CLIENT",
        tail,
        MS,
        "OK",
        1,
        "server.address",
        "payments",
        "server.port",
        "9090");
    add(
        spans,
        1,
        "payments",
        "SERVER",
        FROM.minus(Duration.ofHours(2)),
        MS,
        "OK",
        1,
        "server.address",
        "payments",
        "server.port",
        "9090");
    // A database without a namespace is named by its host.
    add(
        spans,
        4,
        "backend",
        "CLIENT",
        hour,
        MS,
        "ERROR",
        1,
        "db.system",
        "redis",
        "server.address",
        "cache1",
        "server.port",
        "6379");
    // No peer attribute: not an edge. An internal span only: a lone node.
    add(spans, 1, "backend", "CLIENT", hour, MS, "OK", 1, "http.method", "GET");
    add(spans, 1, "cron", "INTERNAL", hour, MS, "OK", 1);
    // Outside the window.
    add(spans, 7, "frontend", "CLIENT", TO, MS, "OK", 1, "peer.service", "backend");
    add(spans, 7, "frontend", "CLIENT", FROM.minusSeconds(60), MS, "OK", 1, "peer.service", "gone");
    spans.insertInto(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void edgesComeFromClientSpansNamedByTheirPeerAttributesOrTheServiceAtTheirAddress() {
    ServiceGraph graph = repository.graph(FROM, TO);

    assertThat(graph.edges())
        .containsExactly(
            new GraphEdge(
                "backend", "kafka:orders", ConnectionType.MESSAGING, 3, 3 / SECONDS, 0, P_1MS),
            new GraphEdge(
                "backend",
                "postgresql:orders",
                ConnectionType.DATABASE,
                10,
                10 / SECONDS,
                0,
                P_100MS),
            new GraphEdge(
                "backend", "redis:cache1", ConnectionType.DATABASE, 4, 4 / SECONDS, 1, P_1MS),
            new GraphEdge(
                "frontend", "api.stripe.com", ConnectionType.CALL, 4, 4 / SECONDS, 0, P_1MS),
            new GraphEdge(
                "frontend", "backend", ConnectionType.CALL, 12, 12 / SECONDS, 2.0 / 12, P_100MS),
            new GraphEdge(
                "frontend", "inventory", ConnectionType.CALL, 8, 8 / SECONDS, 2.0 / 8, P_100MS),
            new GraphEdge("frontend", "lb:80", ConnectionType.CALL, 3, 3 / SECONDS, 0, P_1MS),
            new GraphEdge("frontend", "legacy", ConnectionType.CALL, 1, 1 / SECONDS, 0, P_1MS),
            new GraphEdge(
                "frontend", "payments:9090", ConnectionType.CALL, 2, 2 / SECONDS, 0, P_1MS));
  }

  @Test
  void everyServiceAndPeerIsANodeWithAType() {
    ServiceGraph graph = repository.graph(FROM, TO);

    assertThat(graph.nodes())
        .containsExactly(
            new GraphNode("api.stripe.com", NodeType.EXTERNAL),
            new GraphNode("backend", NodeType.SERVICE),
            new GraphNode("cron", NodeType.SERVICE),
            new GraphNode("frontend", NodeType.SERVICE),
            new GraphNode("inventory", NodeType.SERVICE),
            new GraphNode("kafka:orders", NodeType.MESSAGING),
            new GraphNode("lb:80", NodeType.EXTERNAL),
            new GraphNode("legacy", NodeType.EXTERNAL),
            new GraphNode("payments:9090", NodeType.EXTERNAL),
            new GraphNode("postgresql:orders", NodeType.DATABASE),
            new GraphNode("redis:cache1", NodeType.DATABASE));
  }

  @Test
  void windowWithoutWholeHoursReadsMinutes() {
    ServiceGraph graph = repository.graph(T12.plus(Duration.ofMinutes(65)), TO);

    assertThat(graph.edges())
        .containsExactly(
            new GraphEdge(
                "backend",
                "postgresql:orders",
                ConnectionType.DATABASE,
                10,
                10 / (25 * 60.0),
                0,
                P_100MS),
            new GraphEdge("frontend", "legacy", ConnectionType.CALL, 1, 1 / (25 * 60.0), 0, P_1MS),
            new GraphEdge(
                "frontend", "payments:9090", ConnectionType.CALL, 2, 2 / (25 * 60.0), 0, P_1MS));
  }

  private static void add(
      TestSpans spans,
      int count,
      String service,
      String kind,
      Instant start,
      Duration duration,
      String status,
      double sampleRate,
      String... attributes) {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < attributes.length; i += 2) {
      pairs.add(new String[] {attributes[i], attributes[i + 1]});
    }
    for (int i = 0; i < count; i++, ids++) {
      spans.add(
          new TestSpans.Span(
              "t" + ids,
              "s" + ids,
              "p",
              service,
              "op",
              kind,
              start.plusSeconds(i),
              duration,
              status,
              sampleRate,
              pairs));
    }
  }
}
