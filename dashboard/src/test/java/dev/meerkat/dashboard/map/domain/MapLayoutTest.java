package dev.meerkat.dashboard.map.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.map.domain.MapLayout.Placed;
import dev.meerkat.store.query.graph.ConnectionType;
import dev.meerkat.store.query.graph.GraphEdge;
import dev.meerkat.store.query.graph.GraphNode;
import dev.meerkat.store.query.graph.NodeType;
import dev.meerkat.store.query.graph.ServiceGraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapLayoutTest {

  @Test
  void putsCallersLeftOfCalleesAndOrdersEachColumnByName() {
    ServiceGraph graph =
        graph(
            List.of(
                service("frontend"),
                service("checkout"),
                service("cron"),
                node("postgresql", NodeType.DATABASE),
                node("kafka", NodeType.MESSAGING),
                node("api.stripe.com", NodeType.EXTERNAL)),
            edge("frontend", "checkout"),
            edge("frontend", "api.stripe.com"),
            edge("checkout", "postgresql"),
            edge("checkout", "kafka"));

    assertThat(MapLayout.of(graph))
        .containsExactly(
            new Placed(service("cron"), 0, 0),
            new Placed(service("frontend"), 0, 1),
            new Placed(node("api.stripe.com", NodeType.EXTERNAL), 1, 0),
            new Placed(service("checkout"), 1, 1),
            new Placed(node("kafka", NodeType.MESSAGING), 2, 0),
            new Placed(node("postgresql", NodeType.DATABASE), 2, 1));
  }

  @Test
  void aNodeCalledFromTwoColumnsGoesNextToItsNearestCaller() {
    ServiceGraph graph =
        graph(
            List.of(service("a"), service("b"), node("db", NodeType.DATABASE)),
            edge("a", "b"),
            edge("a", "db"),
            edge("b", "db"));

    assertThat(MapLayout.of(graph))
        .containsExactly(
            new Placed(service("a"), 0, 0),
            new Placed(service("b"), 1, 0),
            new Placed(node("db", NodeType.DATABASE), 1, 1));
  }

  @Test
  void aCycleWithoutEntryStartsAtItsFirstNameAndSelfCallsAreIgnored() {
    ServiceGraph graph =
        graph(
            List.of(service("ping"), service("pong"), service("echo")),
            edge("pong", "ping"),
            edge("ping", "pong"),
            edge("echo", "echo"));

    assertThat(MapLayout.of(graph))
        .containsExactly(
            new Placed(service("echo"), 0, 0),
            new Placed(service("ping"), 0, 1),
            new Placed(service("pong"), 1, 0));
  }

  @Test
  void aColumnOfMoreThanEightNodesWrapsEvenlyIntoColumnsSideBySide() {
    // gateway calls s01..s19: 19 callees need ceil(19 / 8) = 3 columns of ceil(19 / 3) = 7 rows
    // (7, 7, 5), filled top to bottom in name order; s01 calls the database, drawn after them.
    List<GraphNode> nodes = new ArrayList<>(List.of(service("gateway")));
    List<GraphEdge> edges = new ArrayList<>();
    for (int i = 1; i <= 19; i++) {
      String name = String.format("s%02d", i);
      nodes.add(service(name));
      edges.add(edge("gateway", name));
    }
    nodes.add(node("db", NodeType.DATABASE));
    edges.add(edge("s01", "db"));

    List<Placed> expected = new ArrayList<>(List.of(new Placed(service("gateway"), 0, 0)));
    for (int i = 1; i <= 19; i++) {
      expected.add(new Placed(service(String.format("s%02d", i)), 1 + (i - 1) / 7, (i - 1) % 7));
    }
    expected.add(new Placed(node("db", NodeType.DATABASE), 4, 0));
    assertThat(MapLayout.of(new ServiceGraph(nodes, edges))).containsExactlyElementsOf(expected);
  }

  @Test
  void eightNodesStayInOneColumnAndNineTakeTwoOfFiveAndFour() {
    List<GraphNode> eight = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      eight.add(service("n" + i));
    }
    assertThat(MapLayout.of(graph(eight.subList(0, 8))))
        .extracting(p -> p.column() + "/" + p.row())
        .containsExactly("0/0", "0/1", "0/2", "0/3", "0/4", "0/5", "0/6", "0/7");
    assertThat(MapLayout.of(graph(eight)))
        .extracting(p -> p.column() + "/" + p.row())
        .containsExactly("0/0", "0/1", "0/2", "0/3", "0/4", "1/0", "1/1", "1/2", "1/3");
  }

  @Test
  void sameGraphInAnotherOrderGivesTheSamePicture() {
    List<GraphNode> nodes = List.of(service("x"), service("y"), service("z"));
    ServiceGraph one = graph(nodes, edge("x", "y"), edge("x", "z"));
    ServiceGraph other = graph(nodes.reversed(), edge("x", "z"), edge("x", "y"));

    assertThat(MapLayout.of(other)).isEqualTo(MapLayout.of(one));
  }

  private static ServiceGraph graph(List<GraphNode> nodes, GraphEdge... edges) {
    return new ServiceGraph(nodes, List.of(edges));
  }

  private static GraphNode service(String name) {
    return node(name, NodeType.SERVICE);
  }

  private static GraphNode node(String name, NodeType type) {
    return new GraphNode(name, type);
  }

  private static GraphEdge edge(String client, String peer) {
    return new GraphEdge(client, peer, ConnectionType.CALL, 1, 1, 0, 1);
  }
}
