package dev.meerkat.store.query.graph;

import java.util.List;

/**
 * The services and peers that were active in a window and who called whom. Every service with spans
 * in the window is a node, also one without edges.
 *
 * @param nodes nodes ordered by name
 * @param edges edges ordered by client, then peer, then type
 */
public record ServiceGraph(List<GraphNode> nodes, List<GraphEdge> edges) {

  public ServiceGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
