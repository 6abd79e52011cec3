package dev.meerkat.agent.testing.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real agent jar on a child JVM per JDK and per version (Spring Boot 4.1.1 and 3.5.7, i.e.
 * Spring Framework 7.0 and 6.2) running a Spring Boot WebFlux application on Reactor Netty: SERVER
 * spans named by route template with exact HTTP attributes, a 404 named by method only, a failing
 * handler (500, error status, exception event), a remote parent from {@code traceparent}, a
 * controller's synchronous HttpURLConnection call as the SERVER span's child, and the {@code
 * http.server.request.duration} series.
 */
class WebFluxIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String OK = "STATUS_CODE_UNSET";
  private static final String ERROR = "STATUS_CODE_ERROR";
  private static final String USER_AGENT = "webflux-it";
  private static final String REMOTE_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String REMOTE_SPAN = "b7ad6b7169203331";
  private final HttpClient http = HttpClient.newHttpClient();

  static Stream<Arguments> jdksAndVersions() {
    List<Arguments> arguments = new ArrayList<>();
    for (Path jdk : TestJdks.homes()) {
      arguments.add(Arguments.of(jdk, "latest"));
      arguments.add(Arguments.of(jdk, "minimum"));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("jdksAndVersions")
  void tracesRequestsByRoute(Path jdk, String versions) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk, options(jdk, receiver), classPath(versions), WebFluxApp.class.getName())) {
      String[] ready = app.awaitStdout(l -> l.startsWith("READY "), TIMEOUT).split(" ");
      int port = Integer.parseInt(ready[1]);
      int targetPort = Integer.parseInt(ready[2]);

      assertThat(get(port, "/owners/42?visits=true", null)).isEqualTo(List.of("200", "owner 42"));
      assertThat(get(port, "/nope", null).get(0)).isEqualTo("404");
      assertThat(get(port, "/hello.txt", null)).isEqualTo(List.of("200", "hello\n"));
      assertThat(get(port, "/boom", null).get(0)).isEqualTo("500");
      String traceparent = "00-" + REMOTE_TRACE + "-" + REMOTE_SPAN + "-01";
      assertThat(get(port, "/owners/7", traceparent)).isEqualTo(List.of("200", "owner 7"));
      assertThat(get(port, "/call-out", null)).isEqualTo(List.of("200", "200 ok"));
      assertThat(get(port, "/call-out-elastic", null)).isEqualTo(List.of("200", "200 ok"));
      assertThat(post(port, "/owners/42/visits", "checkup")).isEqualTo(List.of("200", "200 ok"));

      // One span per request, plus each call-out's CLIENT span and its target's SERVER span.
      List<Span> spans =
          Poll.until(
              TIMEOUT, receiver::spans, s -> s.size() >= 14, () -> "spans: " + receiver.spans());
      assertThat(spans).hasSize(14);

      Span owner = server(spans, "/owners/42");
      assertThat(owner.getName()).isEqualTo("GET /owners/{ownerId}");
      assertThat(owner.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
      assertThat(owner.getParentSpanId().isEmpty()).isTrue();
      assertThat(OtlpReceiver.attributes(owner.getAttributesList()))
          .isEqualTo(attributes("/owners/{ownerId}", "/owners/42", "visits=true", port, 200));
      assertThat(owner.getStatus().getCode().name()).isEqualTo(OK);
      assertThat(owner.getEventsList()).isEmpty();

      Span notFound = server(spans, "/nope");
      assertThat(notFound.getName()).isEqualTo("GET");
      assertThat(OtlpReceiver.attributes(notFound.getAttributesList()))
          .isEqualTo(attributes(null, "/nope", null, port, 404));
      assertThat(notFound.getStatus().getCode().name()).isEqualTo(OK);
      assertThat(notFound.getEventsList()).isEmpty();

      // A static resource is named by the resource handler's pattern (a 404 from it is not).
      Span resource = server(spans, "/hello.txt");
      assertThat(resource.getName()).isEqualTo("GET /**");
      assertThat(OtlpReceiver.attributes(resource.getAttributesList()))
          .isEqualTo(attributes("/**", "/hello.txt", null, port, 200));

      Span boom = server(spans, "/boom");
      assertThat(boom.getName()).isEqualTo("GET /boom");
      Map<String, Object> boomAttributes = attributes("/boom", "/boom", null, port, 500);
      boomAttributes.put("error.type", "java.lang.IllegalStateException");
      assertThat(OtlpReceiver.attributes(boom.getAttributesList())).isEqualTo(boomAttributes);
      assertThat(boom.getStatus().getCode().name()).isEqualTo(ERROR);
      assertThat(boom.getEventsList()).hasSize(1);
      assertThat(boom.getEvents(0).getName()).isEqualTo("exception");
      Map<String, Object> exception =
          OtlpReceiver.attributes(boom.getEvents(0).getAttributesList());
      assertThat(exception)
          .containsEntry("exception.type", "java.lang.IllegalStateException")
          .containsEntry("exception.message", "boom");

      Span child = server(spans, "/owners/7");
      assertThat(child.getName()).isEqualTo("GET /owners/{ownerId}");
      assertThat(hex(child.getTraceId().toByteArray())).isEqualTo(REMOTE_TRACE);
      assertThat(hex(child.getParentSpanId().toByteArray())).isEqualTo(REMOTE_SPAN);
      assertThat(OtlpReceiver.attributes(child.getAttributesList()))
          .isEqualTo(attributes("/owners/{ownerId}", "/owners/7", null, port, 200));

      Map<String, String> callOuts =
          Map.of(
              "/call-out", "GET /call-out",
              "/call-out-elastic", "GET /call-out-elastic",
              "/owners/42/visits", "POST /owners/{ownerId}/visits");
      for (Map.Entry<String, String> entry : callOuts.entrySet()) {
        String path = entry.getKey();
        String name = entry.getValue();
        Span callOut = server(spans, path);
        assertThat(callOut.getName()).isEqualTo(name);
        assertThat(callOut.getParentSpanId().isEmpty()).isTrue();
        assertThat(shape(spans, callOut))
            .as(path)
            .containsExactlyInAnyOrder(
                "SERVER " + name + " <- ", "CLIENT GET <- " + name, "SERVER GET /target <- GET");
        Span client =
            spans.stream()
                .filter(s -> s.getTraceId().equals(callOut.getTraceId()))
                .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
                .findFirst()
                .orElseThrow();
        Map<String, Object> expected = new TreeMap<>();
        expected.put("http.request.method", "GET");
        expected.put("url.full", "http://127.0.0.1:" + targetPort + "/target");
        expected.put("server.address", "127.0.0.1");
        expected.put("server.port", (long) targetPort);
        expected.put("http.response.status_code", 200L);
        assertThat(OtlpReceiver.attributes(client.getAttributesList()))
            .as(path)
            .isEqualTo(expected);
      }

      assertDurations(receiver);

      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO Meerkat agent"))
          .isEmpty();
    }
  }

  /** One {@code http.server.request.duration} series per route and status. */
  private static void assertDurations(OtlpReceiver receiver) {
    Set<Map<String, Object>> expected =
        Set.of(
            series("/owners/{ownerId}", 200, null),
            series(null, 404, null),
            series("/**", 200, null),
            series("/boom", 500, "java.lang.IllegalStateException"),
            series("/call-out", 200, null),
            series("/call-out-elastic", 200, null),
            series("POST", "/owners/{ownerId}/visits", 200, null),
            series("/target", 200, null));
    String name = "http.server.request.duration";
    Set<Map<String, Object>> series =
        Poll.until(
            TIMEOUT,
            () -> series(receiver, name),
            s -> s.size() >= expected.size(),
            () -> name + ": " + series(receiver, name));
    assertThat(series).isEqualTo(expected);
  }

  private static Map<String, Object> series(String route, long status, String errorType) {
    return series("GET", route, status, errorType);
  }

  private static Map<String, Object> series(
      String method, String route, long status, String errorType) {
    Map<String, Object> expected = new TreeMap<>();
    expected.put("http.request.method", method);
    expected.put("url.scheme", "http");
    if (route != null) {
      expected.put("http.route", route);
    }
    expected.put("http.response.status_code", status);
    if (errorType != null) {
      expected.put("error.type", errorType);
    }
    return expected;
  }

  private static Set<Map<String, Object>> series(OtlpReceiver receiver, String name) {
    return receiver.metrics().stream()
        .filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getHistogram().getDataPointsList().stream())
        .map(p -> OtlpReceiver.attributes(p.getAttributesList()))
        .collect(Collectors.toSet());
  }

  private static Map<String, Object> attributes(
      String route, String path, String query, int port, long status) {
    Map<String, Object> expected = new TreeMap<>();
    expected.put("http.request.method", "GET");
    if (route != null) {
      expected.put("http.route", route);
    }
    expected.put("url.scheme", "http");
    expected.put("url.path", path);
    if (query != null) {
      expected.put("url.query", query);
    }
    expected.put("server.address", "127.0.0.1");
    expected.put("server.port", (long) port);
    expected.put("client.address", "127.0.0.1");
    expected.put("user_agent.original", USER_AGENT);
    expected.put("http.response.status_code", status);
    return expected;
  }

  /** The SERVER span with this path. */
  private static Span server(List<Span> spans, String path) {
    return spans.stream()
        .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
        .filter(s -> path.equals(OtlpReceiver.attributes(s.getAttributesList()).get("url.path")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no SERVER span for " + path + " in " + spans));
  }

  /** "KIND name <- parent name" for each span of {@code root}'s trace. */
  private static List<String> shape(List<Span> spans, Span root) {
    List<Span> trace =
        spans.stream().filter(s -> s.getTraceId().equals(root.getTraceId())).toList();
    List<String> shape = new ArrayList<>();
    for (Span span : trace) {
      String parent =
          trace.stream()
              .filter(p -> p.getSpanId().equals(span.getParentSpanId()))
              .map(Span::getName)
              .findFirst()
              .orElse(span.getParentSpanId().isEmpty() ? "" : "(missing parent)");
      shape.add(span.getKind().name().substring(10) + " " + span.getName() + " <- " + parent);
    }
    return shape;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static List<String> options(Path jdk, OtlpReceiver receiver) throws IOException {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Dotel.service.name=webflux-app",
                "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                "-Dotel.bsp.schedule.delay=100",
                "-Dotel.metric.export.interval=500",
                "-Dsun.net.httpserver.nodelay=true",
                "--enable-native-access=ALL-UNNAMED"));
    if (javaMajor(jdk) >= 24) {
      // Netty 4.1 (Spring Boot 3.5) allocates with sun.misc.Unsafe: a stderr warning on 24+.
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    return options;
  }

  /** The JDK's major version, from its release file. */
  private static int javaMajor(Path jdk) throws IOException {
    for (String line : Files.readAllLines(jdk.resolve("release"))) {
      if (line.startsWith("JAVA_VERSION=")) {
        String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
        return Integer.parseInt(version.split("[.+-]")[0]);
      }
    }
    throw new IllegalStateException("no JAVA_VERSION in " + jdk.resolve("release"));
  }

  /**
   * The test class path (Spring Boot 4.1.1), or the application's classes on the oldest tested
   * Spring Boot's tree (3.5.7, Spring Framework 6.2), which webflux-min-libs copied.
   */
  private static String classPath(String versions) throws IOException {
    if (versions.equals("latest")) {
      return ChildJvm.testClassPath();
    }
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("meerkat.test.classes"));
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("meerkat.min.libs")))) {
      jars.map(Path::toString).sorted().forEach(entries::add);
    }
    assertThat(entries).anyMatch(e -> e.endsWith("spring-webflux-6.2.12.jar"));
    return String.join(File.pathSeparator, entries);
  }

  /** Status and body. */
  private List<String> post(int port, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("User-Agent", USER_AGENT)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return List.of(String.valueOf(response.statusCode()), response.body());
  }

  /** Status and body. */
  private List<String> get(int port, String pathAndQuery, String traceparent) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .header("User-Agent", USER_AGENT);
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return List.of(String.valueOf(response.statusCode()), response.body());
  }
}
