package dev.meerkat.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real agent jar on a child JVM traces server -> client -> server in one trace. */
class AgentTracingIT {
  private static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A random (version 4) UUID. */
  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private final HttpClient client = HttpClient.newHttpClient();

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void tracesServerClientServerInOneTraceAndExportsJvmMetrics(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=it-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500",
                    "-Dsun.net.httpserver.nodelay=true"),
                TEST_CLASSES,
                TestApp.class.getName())) {
      int port =
          Integer.parseInt(app.awaitStdout(l -> l.startsWith("READY "), TIMEOUT).substring(6));

      assertThat(get(port, "/front/java")).isEqualTo(200);
      assertThat(get(port, "/front/async")).isEqualTo(200);
      assertThat(get(port, "/front/legacy")).isEqualTo(200);
      assertThat(get(port, "/front/java?status=500")).isEqualTo(502);
      assertThat(get(port, "/front/legacy?status=404")).isEqualTo(502);
      assertThat(get(port, "/front/legacy?status=204")).isEqualTo(200);

      List<Span> spans =
          Poll.until(
              TIMEOUT, receiver::spans, s -> s.size() >= 18, () -> "spans: " + receiver.spans());
      assertThat(spans).hasSize(18);
      Map<com.google.protobuf.ByteString, List<Span>> traces =
          spans.stream().collect(Collectors.groupingBy(Span::getTraceId));
      assertThat(traces).hasSize(6);
      for (List<Span> trace : traces.values()) {
        assertTrace(trace, port);
      }
      assertThat(receiver.resources())
          .allSatisfy(
              r ->
                  assertThat(OtlpReceiver.attributes(r.getAttributesList()))
                      .containsEntry("service.name", "it-app")
                      .containsEntry("telemetry.distro.name", "meerkat"));
      // One instance id per JVM, the SDK's random UUID: the dashboard's JVM page tells instances
      // apart by it.
      List<Object> instanceIds =
          receiver.resources().stream()
              .map(r -> OtlpReceiver.attributes(r.getAttributesList()).get("service.instance.id"))
              .distinct()
              .collect(Collectors.toList());
      assertThat(instanceIds).hasSize(1);
      assertThat(String.valueOf(instanceIds.get(0))).matches(UUID_V4);

      List<String> jvmMetrics =
          List.of(
              "jvm.memory.used",
              "jvm.memory.committed",
              "jvm.memory.limit",
              "jvm.thread.count",
              "jvm.class.loaded",
              "jvm.class.count",
              "jvm.cpu.time",
              "jvm.cpu.recent_utilization",
              "jvm.cpu.count",
              "jvm.gc.duration");
      Poll.until(
          TIMEOUT,
          receiver::metricNames,
          names -> names.containsAll(jvmMetrics),
          () -> "metrics: " + receiver.metricNames());

      assertThat(app.stderr())
          .filteredOn(l -> l.startsWith("[meerkat-agent]"))
          .hasSize(1)
          .allMatch(l -> l.startsWith("[meerkat-agent] INFO Meerkat agent 0.1.0-SNAPSHOT started"))
          .allMatch(l -> l.contains("service.name=it-app"))
          .allMatch(l -> l.contains("endpoint=" + receiver.endpoint() + "/v1/traces"));
      assertThat(app.stdout()).noneMatch(l -> l.contains("[meerkat-agent]"));
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent]"))
          .isEmpty();
    }
  }

  /** Front SERVER span (root) -> CLIENT span -> back SERVER span, with exact attributes. */
  private static void assertTrace(List<Span> trace, int port) {
    assertThat(trace)
        .extracting(Span::getName)
        .containsExactlyInAnyOrder("GET /front", "GET", "GET /back");
    Span front = byName(trace, "GET /front");
    Span call = byName(trace, "GET");
    Span back = byName(trace, "GET /back");
    assertThat(front.getParentSpanId().isEmpty()).isTrue();
    assertThat(call.getParentSpanId()).isEqualTo(front.getSpanId());
    assertThat(back.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(front.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(call.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(back.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);

    Map<String, Object> backAttributes = OtlpReceiver.attributes(back.getAttributesList());
    long status = (Long) backAttributes.get("http.response.status_code");
    String query = status == 200 ? "" : "?status=" + status;
    String frontPath = (String) OtlpReceiver.attributes(front.getAttributesList()).get("url.path");
    long frontStatus = status < 400 ? 200 : 502;

    Map<String, Object> frontAttributes = OtlpReceiver.attributes(front.getAttributesList());
    // The test's own java.net.http client called the front service.
    assertThat(frontAttributes.remove("user_agent.original"))
        .isEqualTo("Java-http-client/" + System.getProperty("java.version"));
    assertThat(frontAttributes)
        .isEqualTo(
            server(
                "/front", frontPath, status == 200 ? null : query.substring(1), port, frontStatus));
    assertThat(frontPath).isIn("/front/java", "/front/async", "/front/legacy");
    // The child JVM's HttpURLConnection ("Java/<version>") or HttpClient called the back service.
    assertThat((String) backAttributes.remove("user_agent.original"))
        .matches("Java(-http-client)?/[0-9][0-9.+a-z-]*");
    assertThat(backAttributes)
        .isEqualTo(server("/back", "/back/item", "status=" + status, port, status));
    Map<String, Object> clientExpected = new java.util.TreeMap<>();
    clientExpected.put("http.request.method", "GET");
    clientExpected.put("url.full", "http://127.0.0.1:" + port + "/back/item?status=" + status);
    clientExpected.put("server.address", "127.0.0.1");
    clientExpected.put("server.port", (long) port);
    clientExpected.put("http.response.status_code", status);
    if (status >= 400) {
      clientExpected.put("error.type", String.valueOf(status));
    }
    assertThat(OtlpReceiver.attributes(call.getAttributesList())).isEqualTo(clientExpected);
    assertThat(call.getStatus().getCode())
        .isEqualTo(
            status >= 400
                ? Status.StatusCode.STATUS_CODE_ERROR
                : Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(back.getStatus().getCode())
        .isEqualTo(
            status >= 500
                ? Status.StatusCode.STATUS_CODE_ERROR
                : Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(query).isIn("", "?status=500", "?status=404", "?status=204");
  }

  private static Map<String, Object> server(
      String route, String path, String query, int port, long status) {
    Map<String, Object> expected = new java.util.TreeMap<>();
    expected.put("http.request.method", "GET");
    expected.put("http.route", route);
    expected.put("url.path", path);
    if (query != null) {
      expected.put("url.query", query);
    }
    expected.put("client.address", "127.0.0.1");
    expected.put("url.scheme", "http");
    expected.put("server.address", "127.0.0.1");
    expected.put("server.port", (long) port);
    expected.put("http.response.status_code", status);
    if (status >= 500) {
      expected.put("error.type", String.valueOf(status));
    }
    return expected;
  }

  private static Span byName(List<Span> trace, String name) {
    return trace.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private int get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
