package dev.meerkat.dashboard.map.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.map.ui.ServiceMapChart.Edge;
import dev.meerkat.store.query.graph.ConnectionType;
import dev.meerkat.store.query.graph.GraphEdge;
import dev.meerkat.store.query.graph.GraphNode;
import dev.meerkat.store.query.graph.NodeType;
import dev.meerkat.store.query.graph.ServiceGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceMapChartTest {

  @Test
  void edgeTextsHoldRateWithThreeSignificantDigitsErrorRateAndP99() {
    ServiceGraph graph =
        new ServiceGraph(
            List.of(
                new GraphNode("checkout", NodeType.SERVICE),
                new GraphNode("postgresql", NodeType.DATABASE)),
            List.of(
                new GraphEdge(
                    "checkout",
                    "postgresql",
                    ConnectionType.DATABASE,
                    12,
                    12 / 3600.0,
                    0.25,
                    110.2)));

    assertThat(ServiceMapChart.edges(graph))
        .containsExactly(
            new Edge(
                "checkout",
                "postgresql",
                "DATABASE",
                "0.00333/s, 25.00 % errors",
                "0.00333 calls/s (12 calls)",
                "25.00 %",
                "110.20 ms",
                true));
  }

  @Test
  void roundsToThreeSignificantDigitsBelowAHundredAndToWholeNumbersAbove() {
    assertThat(List.of(1234.5, 100.4, 12.0, 0.2, 0.0004444, 0.0))
        .map(ServiceMapChart::significant)
        .containsExactly("1235", "100", "12", "0.2", "0.000444", "0");
  }
}
