package dev.meerkat.agent.testing.otelapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.manual.ApiBridgeApp;
import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application's own OpenTelemetry API (its own jars, unrelocated) joins the agent's traces:
 * {@code Span.current()} is the agent's server span, its spans are the agent's children and are
 * exported by the agent, and the agent's client span inside its span is its child. With the oldest
 * supported API (1.4) and the latest.
 */
class ApiBridgeIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final HttpClient client = HttpClient.newHttpClient();

  static Stream<Arguments> jdksAndVersions() {
    return TestJdks.homes().stream()
        .flatMap(jdk -> Stream.of(Arguments.of(jdk, "api-min"), Arguments.of(jdk, "latest")));
  }

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("jdksAndVersions")
  void applicationSpansJoinTheAgentsTrace(Path jdk, String versions) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app = start(jdk, receiver, AppLibs.classPath(versions), "api")) {
      int port = app.awaitReadyPort(TIMEOUT);
      assertThat(get(port, "/work")).isEqualTo(200);

      Spans spans = new Spans(await(receiver, 4));
      assertThat(spans.names()).containsExactly("GET", "GET /leaf", "GET /work", "app-work");
      Span server = spans.named("GET /work");
      Span work = spans.named("app-work");
      Span client = spans.named("GET");
      Span leaf = spans.named("GET /leaf");
      assertThat(server.getParentSpanId().isEmpty()).isTrue();
      assertThat(server.getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
      assertThat(List.of(work, client, leaf))
          .allSatisfy(s -> assertThat(Spans.traceId(s)).isEqualTo(Spans.traceId(server)));
      assertThat(Spans.parentId(work)).isEqualTo(Spans.spanId(server));
      assertThat(Spans.parentId(client)).isEqualTo(Spans.spanId(work));
      assertThat(client.getKind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
      assertThat(Spans.parentId(leaf)).isEqualTo(Spans.spanId(client));

      assertThat(work.getKind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
      assertThat(work.getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
      assertThat(Spans.attributes(work))
          .isEqualTo(Map.of("app.key", "value", "app.count", 3L, "app.after", 1.5));
      assertThat(work.getEventsList()).hasSize(1);
      assertThat(work.getEvents(0).getName()).isEqualTo("called");
      assertThat(OtlpReceiver.attributes(work.getEvents(0).getAttributesList()))
          .isEqualTo(Map.of("app.ok", true));

      // What the application saw through its own API.
      String trace = Spans.traceId(server);
      app.awaitStdout(l -> l.startsWith("AFTER "), TIMEOUT); // stdout arrives on a pump thread
      assertThat(app.stdout())
          .containsExactly(
              "GLOBAL false",
              "READY " + port,
              "CURRENT " + trace + " " + Spans.spanId(server),
              "SAME-SPAN true",
              "INSIDE " + trace + " " + Spans.spanId(work),
              "AFTER " + trace + " " + Spans.spanId(server));
      assertQuiet(app);
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void applicationThatRegistersItsOwnSdkKeepsItAndStillJoinsTheTrace(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app = start(jdk, receiver, AppLibs.classPath("latest", "sdk"), "sdk")) {
      int port = app.awaitReadyPort(TIMEOUT);
      assertThat(get(port, "/work")).isEqualTo(200);

      // Its own span is its SDK's (not exported by the agent), in the agent's trace.
      Spans spans = new Spans(await(receiver, 3));
      assertThat(spans.names()).containsExactly("GET", "GET /leaf", "GET /work");
      Span server = spans.named("GET /work");
      Span client = spans.named("GET");
      String own = app.awaitStdout(l -> l.startsWith("OWN "), TIMEOUT);
      String trace = Spans.traceId(server);
      assertThat(own).startsWith("OWN true " + trace + " ").endsWith(" " + Spans.spanId(server));
      String ownSpanId = own.split(" ")[3];
      assertThat(Spans.traceId(client)).isEqualTo(trace);
      assertThat(Spans.parentId(client)).isEqualTo(ownSpanId);
      assertThat(Spans.parentId(spans.named("GET /leaf"))).isEqualTo(Spans.spanId(client));
      app.awaitStdout(l -> l.startsWith("OWN-ENDED "), TIMEOUT);
      assertThat(app.stdout())
          .containsExactly(
              "GLOBAL true",
              "READY " + port,
              "CURRENT " + trace + " " + Spans.spanId(server),
              own,
              "OWN-ENDED own-sdk-work");
      assertQuiet(app);
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void anApiTooOldForTheBridgeRunsAsWithoutIt(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app = start(jdk, receiver, AppLibs.classPath("api-old"), "api")) {
      int port = app.awaitReadyPort(TIMEOUT);
      assertThat(get(port, "/work")).isEqualTo(200);

      // API 1.0: its noop; the agent's spans as if the application used no OpenTelemetry.
      Spans spans = new Spans(await(receiver, 3));
      assertThat(spans.names()).containsExactly("GET", "GET /leaf", "GET /work");
      Span server = spans.named("GET /work");
      assertThat(Spans.parentId(spans.named("GET"))).isEqualTo(Spans.spanId(server));
      String invalid = "00000000000000000000000000000000 0000000000000000";
      app.awaitStdout(l -> l.startsWith("AFTER "), TIMEOUT);
      assertThat(app.stdout())
          .containsExactly(
              "GLOBAL false",
              "READY " + port,
              "CURRENT " + invalid,
              "SAME-SPAN true",
              "INSIDE " + invalid,
              "AFTER " + invalid);
      assertQuiet(app);
    }
  }

  private static ChildJvm start(Path jdk, OtlpReceiver receiver, String classPath, String mode)
      throws Exception {
    return ChildJvm.start(
        jdk,
        List.of(
            "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
            "-Dotel.bsp.schedule.delay=100",
            "-Dotel.metrics.exporter=none",
            "-Dsun.net.httpserver.nodelay=true"),
        classPath,
        ApiBridgeApp.class.getName(),
        mode);
  }

  private static List<Span> await(OtlpReceiver receiver, int count) {
    return Poll.until(
        TIMEOUT, receiver::spans, s -> s.size() >= count, () -> "spans: " + receiver.spans());
  }

  private static void assertQuiet(ChildJvm app) {
    assertThat(app.agentWarningsAndErrors()).isEmpty();
    assertThat(app.stderrWithoutCdsNotice())
        .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
        .isEmpty();
  }

  private int get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
