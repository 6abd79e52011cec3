package dev.meerkat.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code meerkat.prometheus.port} serves the agent's metrics next to the OTLP export. */
class PrometheusEndpointIT {
  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void servesJvmAndSelfMetricsInPrometheusTextFormat(Path jdk) throws Exception {
    int prometheusPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      prometheusPort = socket.getLocalPort();
    }
    HttpClient client = HttpClient.newHttpClient();
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            AgentBehavioursIT.start(
                jdk, receiver, Map.of("MEERKAT_PROMETHEUS_PORT", String.valueOf(prometheusPort)))) {
      int port = app.awaitReadyPort(AgentBehavioursIT.TIMEOUT);
      HttpRequest front =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/front")).build();
      assertThat(client.send(front, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      // OTLP goes on: the self-metrics reach the receiver too.
      Poll.until(
          AgentBehavioursIT.TIMEOUT,
          () -> AgentBehavioursIT.selfMetrics(receiver),
          m -> m.getOrDefault("meerkat.agent.spans.exported", 0L) == 3,
          () -> "self-metrics: " + AgentBehavioursIT.selfMetrics(receiver));

      HttpResponse<String> scrape =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      List<String> lines = scrape.body().lines().toList();
      assertThat(lines)
          .contains("# TYPE meerkat_agent_spans_ended_total counter")
          .contains("# TYPE jvm_thread_count gauge");
      assertThat(lines)
          .filteredOn(l -> l.startsWith("meerkat_agent_spans_ended_total{"))
          .singleElement()
          .satisfies(l -> assertThat(l.substring(l.lastIndexOf(' ') + 1)).isEqualTo("3.0"));
      // The scrape itself is not traced: the agent's own endpoint is not the application.
      assertThat(client.send(front, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      Poll.until(
          AgentBehavioursIT.TIMEOUT,
          () -> AgentBehavioursIT.selfMetrics(receiver),
          m -> m.getOrDefault("meerkat.agent.spans.exported", 0L) == 6,
          () -> "self-metrics: " + AgentBehavioursIT.selfMetrics(receiver));
      assertThat(receiver.spans()).hasSize(6).noneMatch(s -> s.getName().contains("/metrics"));
      assertThat(app.agentWarningsAndErrors()).isEmpty();
    }
  }
}
