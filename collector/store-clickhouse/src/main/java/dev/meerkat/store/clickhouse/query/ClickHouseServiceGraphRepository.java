package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.graph.ConnectionType;
import dev.meerkat.store.query.graph.GraphEdge;
import dev.meerkat.store.query.graph.GraphNode;
import dev.meerkat.store.query.graph.NodeType;
import dev.meerkat.store.query.graph.ServiceGraph;
import dev.meerkat.store.query.graph.ServiceGraphRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link ServiceGraphRepository} over {@code service_graph_1h} (whole hours) and {@code
 * service_graph_1m} (the rest), with the services of the window from the RED rollups.
 *
 * <p>A CALL peer named by the address the client used ({@code host:port}) becomes the service that
 * answered SERVER spans at that address in the window, when exactly one did ({@link
 * ServedAddresses}). A peer is a {@link NodeType#SERVICE} node when a service of that name sent
 * spans in the window; otherwise its type follows how it was called: database, messaging, or
 * external.
 */
public final class ClickHouseServiceGraphRepository implements ServiceGraphRepository {

  /** Client, then peer, then connection type: two host names may resolve to one service. */
  private static final Comparator<List<String>> EDGE_ORDER =
      Comparator.<List<String>, String>comparing(key -> key.get(0))
          .thenComparing(key -> key.get(1))
          .thenComparing(key -> ConnectionType.valueOf(key.get(2)));

  private final ClickHouseStore store;
  private final ClickHouseServiceMetricsRepository services;
  private final RollupCoverage coverage;

  public ClickHouseServiceGraphRepository(ClickHouseStore store) {
    this.store = store;
    this.services = new ClickHouseServiceMetricsRepository(store);
    this.coverage = new RollupCoverage(store, RollupSql.GRAPH);
  }

  @Override
  public ServiceGraph graph(Instant from, Instant to) {
    store.limits().checkRange(from, to);
    List<String> selects = new ArrayList<>(3);
    for (RollupSql.Segment segment :
        RollupSql.segments(RollupSql.GRAPH, from, to, coverage.coveredFrom())) {
      selects.add(
          "SELECT client_service, peer, connection_type, is_error, latency_bucket, call_count"
              + " FROM "
              + segment.resolution().table()
              + " WHERE "
              + segment.condition());
    }
    List<Row> rows =
        store.read(
            "SELECT client_service, peer, toString(connection_type) AS type, is_error,"
                + " latency_bucket, sum(call_count) AS spans FROM ("
                + String.join(" UNION ALL ", selects)
                + ") GROUP BY client_service, peer, connection_type, is_error, latency_bucket"
                + " ORDER BY client_service, peer, connection_type");
    ServedAddresses addresses = ServedAddresses.read(store, from, to);
    Map<List<String>, RedAccumulator> byEdge = new TreeMap<>(EDGE_ORDER);
    for (Row row : rows) {
      String type = row.string("type");
      String peer = row.string("peer");
      if (type.equals(ConnectionType.CALL.name())) {
        peer = addresses.serviceAt(peer).orElse(peer);
      }
      byEdge
          .computeIfAbsent(
              List.of(row.string("client_service"), peer, type), key -> new RedAccumulator())
          .add(row);
    }
    Set<String> known = new HashSet<>(services.serviceNames(from, to));
    Map<String, NodeType> nodes = new TreeMap<>();
    known.forEach(service -> nodes.put(service, NodeType.SERVICE));
    double seconds = RollupSql.seconds(from, to);
    List<GraphEdge> edges = new ArrayList<>(byEdge.size());
    byEdge.forEach(
        (key, red) -> {
          ConnectionType type = ConnectionType.valueOf(key.get(2));
          nodes.putIfAbsent(key.get(0), NodeType.SERVICE);
          nodes.putIfAbsent(key.get(1), peerType(type));
          edges.add(
              new GraphEdge(
                  key.get(0),
                  key.get(1),
                  type,
                  red.total(),
                  red.total() / seconds,
                  red.errorRatio(),
                  red.quantileMillis(0.99)));
        });
    List<GraphNode> graphNodes = new ArrayList<>(nodes.size());
    nodes.forEach((name, type) -> graphNodes.add(new GraphNode(name, type)));
    return new ServiceGraph(graphNodes, edges);
  }

  private static NodeType peerType(ConnectionType type) {
    return switch (type) {
      case DATABASE -> NodeType.DATABASE;
      case MESSAGING -> NodeType.MESSAGING;
      case CALL -> NodeType.EXTERNAL;
    };
  }
}
