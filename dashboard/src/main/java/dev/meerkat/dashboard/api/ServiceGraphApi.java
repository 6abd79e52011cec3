package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.Numbers.finite;

import dev.meerkat.store.query.graph.ConnectionType;
import dev.meerkat.store.query.graph.GraphEdge;
import dev.meerkat.store.query.graph.GraphNode;
import dev.meerkat.store.query.graph.ServiceGraph;
import dev.meerkat.store.query.graph.ServiceGraphRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who called whom: services and the peers they call, with rate, errors and p99 per edge. */
@RestController
class ServiceGraphApi {

  private final ServiceGraphRepository graphs;
  private final Clock clock;

  ServiceGraphApi(ServiceGraphRepository graphs, Clock clock) {
    this.graphs = graphs;
    this.clock = clock;
  }

  record Graph(Instant from, Instant to, List<GraphNode> nodes, List<Edge> edges) {}

  record Edge(
      String client,
      String peer,
      ConnectionType type,
      double calls,
      double callsPerSecond,
      double errorRatio,
      Double p99Millis) {
    static Edge of(GraphEdge e) {
      return new Edge(
          e.client(),
          e.peer(),
          e.type(),
          e.calls(),
          e.callsPerSecond(),
          e.errorRatio(),
          finite(e.p99Millis()));
    }
  }

  @GetMapping("/api/v1/service-graph")
  Graph graph(
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    ServiceGraph graph = graphs.graph(range.from(), range.to());
    return new Graph(
        range.from(), range.to(), graph.nodes(), graph.edges().stream().map(Edge::of).toList());
  }
}
