package dev.meerkat.dashboard.map.domain;

import dev.meerkat.store.query.graph.GraphEdge;
import dev.meerkat.store.query.graph.GraphNode;
import dev.meerkat.store.query.graph.ServiceGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each node of the service map goes: callers left, callees right. A node's column is its
 * distance, in calls, from the nearest node nobody calls (entry services and lone services are
 * column 0); nodes that are only reached through a cycle start a column-0 root of their own, the
 * first by name. Within a column nodes are ordered by name. A column of more than {@link #MAX_ROWS}
 * nodes wraps into as few columns side by side as it needs, filled top to bottom, then left to
 * right, evenly: the map's fixed height then still leaves room under every node for its label. The
 * same graph always gives the same picture, so a link or a screenshot shows what a colleague saw.
 */
public final class MapLayout {

  /**
   * Most nodes drawn one above the other: {@code service-map.ts} draws the rows of its 560-pixel
   * map at least 64 pixels apart with 8 rows, enough for a 34-pixel symbol and its label below.
   */
  public static final int MAX_ROWS = 8;

  private MapLayout() {}

  /** A node and its grid cell. */
  public record Placed(GraphNode node, int column, int row) {}

  /** Every node of {@code graph} placed, ordered by column, then row. */
  public static List<Placed> of(ServiceGraph graph) {
    Map<String, Integer> columns = columns(graph);
    Map<Integer, List<GraphNode>> byColumn = new TreeMap<>();
    for (GraphNode node : graph.nodes()) {
      byColumn.computeIfAbsent(columns.get(node.name()), c -> new ArrayList<>()).add(node);
    }
    List<Placed> placed = new ArrayList<>();
    int firstColumn = 0;
    for (List<GraphNode> nodes : byColumn.values()) {
      nodes.sort(Comparator.comparing(GraphNode::name));
      int wrapped = (nodes.size() + MAX_ROWS - 1) / MAX_ROWS;
      int rows = (nodes.size() + wrapped - 1) / wrapped;
      for (int i = 0; i < nodes.size(); i++) {
        placed.add(new Placed(nodes.get(i), firstColumn + i / rows, i % rows));
      }
      firstColumn += wrapped;
    }
    return placed;
  }

  /** Breadth-first distance from the uncalled nodes, node names in order for determinism. */
  private static Map<String, Integer> columns(ServiceGraph graph) {
    Map<String, List<String>> callees = new TreeMap<>();
    Map<String, Integer> callers = new HashMap<>();
    for (GraphNode node : graph.nodes()) {
      callees.put(node.name(), new ArrayList<>());
      callers.put(node.name(), 0);
    }
    for (GraphEdge edge : graph.edges()) {
      // The store names every edge's ends as nodes; a self-call does not make a node a callee.
      if (callees.containsKey(edge.client())
          && callers.containsKey(edge.peer())
          && !edge.client().equals(edge.peer())) {
        callees.get(edge.client()).add(edge.peer());
        callers.merge(edge.peer(), 1, Integer::sum);
      }
    }
    Map<String, Integer> columns = new HashMap<>();
    for (String name : callees.keySet()) {
      if (callers.get(name) == 0) {
        columns.put(name, 0);
      }
    }
    spread(new ArrayDeque<>(columns.keySet().stream().sorted().toList()), callees, columns);
    for (String name : callees.keySet()) {
      if (!columns.containsKey(name)) {
        columns.put(name, 0);
        spread(new ArrayDeque<>(List.of(name)), callees, columns);
      }
    }
    return columns;
  }

  /** Gives every node not yet placed that the queued nodes reach its breadth-first column. */
  private static void spread(
      Deque<String> queue, Map<String, List<String>> callees, Map<String, Integer> columns) {
    while (!queue.isEmpty()) {
      String caller = queue.poll();
      for (String callee : callees.get(caller).stream().sorted().toList()) {
        if (!columns.containsKey(callee)) {
          columns.put(callee, columns.get(caller) + 1);
          queue.add(callee);
        }
      }
    }
  }
}
