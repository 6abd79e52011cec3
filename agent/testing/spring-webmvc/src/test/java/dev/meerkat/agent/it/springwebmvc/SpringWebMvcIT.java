package dev.meerkat.agent.it.springwebmvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Spring Boot 4.1 (Spring MVC 7, Tomcat 11) with the real agent: spans named by route. */
class SpringWebMvcIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient client = HttpClient.newHttpClient();

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void namesServerSpansByRouteTemplate(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm jvm =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=spring-it",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500",
                    // C1 only: Spring Boot starts faster, and these tests measure no speed.
                    "-XX:TieredStopAtLevel=1"),
                ChildJvm.testClassPath(),
                OwnersApp.class.getName())) {
      int port = jvm.awaitReadyPort(TIMEOUT);

      assertThat(get(port, "/owners/42?full=true")).isEqualTo(200);
      assertThat(get(port, "/owners/42/pets/7")).isEqualTo(200);
      assertThat(get(port, "/visits/9")).isEqualTo(200);
      assertThat(get(port, "/oops")).isEqualTo(500);
      assertThat(get(port, "/nowhere/1")).isEqualTo(404);

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 5, () -> "" + receiver.spans());
      Map<String, Span> byPath =
          spans.stream().collect(Collectors.toMap(SpringWebMvcIT::path, Function.identity()));
      assertThat(byPath)
          .containsOnlyKeys("/owners/42", "/owners/42/pets/7", "/visits/9", "/oops", "/nowhere/1");
      assertSpan(
          byPath.get("/owners/42"),
          "GET /owners/{ownerId}",
          expected(port, "/owners/42", "full=true", "/owners/{ownerId}", 200, null));
      assertSpan(
          byPath.get("/owners/42/pets/7"),
          "GET /owners/{ownerId}/pets/{petId}",
          expected(port, "/owners/42/pets/7", null, "/owners/{ownerId}/pets/{petId}", 200, null));
      assertSpan(
          byPath.get("/visits/9"),
          "GET /visits/{visitId}",
          expected(port, "/visits/9", null, "/visits/{visitId}", 200, null));
      assertSpan(
          byPath.get("/oops"),
          "GET /oops",
          expected(port, "/oops", null, "/oops", 500, IllegalStateException.class.getName()));
      assertSpan(
          byPath.get("/nowhere/1"), "GET", expected(port, "/nowhere/1", null, null, 404, null));

      Span oops = byPath.get("/oops");
      assertThat(oops.getEventsList()).hasSize(1);
      assertThat(oops.getEventsList().get(0).getName()).isEqualTo("exception");
      assertThat(OtlpReceiver.attributes(oops.getEventsList().get(0).getAttributesList()))
          .containsEntry("exception.type", IllegalStateException.class.getName())
          .containsEntry("exception.message", "boom")
          .containsOnlyKeys("exception.type", "exception.message", "exception.stacktrace");
      assertThat(spans)
          .filteredOn(s -> s != oops)
          .allSatisfy(s -> assertThat(s.getEventsList()).isEmpty());

      // RED by route: the duration histogram carries the same route, status and error type.
      Set<Map<String, Object>> expectedPoints =
          Set.of(
              point("/owners/{ownerId}", 200, null),
              point("/owners/{ownerId}/pets/{petId}", 200, null),
              point("/visits/{visitId}", 200, null),
              point("/oops", 500, IllegalStateException.class.getName()),
              point(null, 404, null));
      Poll.until(
          TIMEOUT,
          () -> durationPoints(receiver),
          points -> points.equals(expectedPoints),
          () -> "duration points: " + durationPoints(receiver));

      assertThat(jvm.agentWarningsAndErrors()).isEmpty();
      assertThat(jvm.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          .isEmpty();
      assertThat(receiver.spans()).hasSize(5);
    }
  }

  private static void assertSpan(Span span, String name, Map<String, Object> expected) {
    assertThat(span.getName()).isEqualTo(name);
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(span.getParentSpanId().isEmpty()).isTrue();
    assertThat(OtlpReceiver.attributes(span.getAttributesList())).isEqualTo(expected);
    assertThat(span.getStatus().getCode())
        .as(name)
        .isEqualTo(
            expected.containsKey("error.type")
                ? Status.StatusCode.STATUS_CODE_ERROR
                : Status.StatusCode.STATUS_CODE_UNSET);
  }

  private static Map<String, Object> expected(
      int port, String path, String query, String route, long status, String errorType) {
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
    expected.put("user_agent.original", "meerkat-it");
    expected.put("http.response.status_code", status);
    if (errorType != null) {
      expected.put("error.type", errorType);
    }
    return expected;
  }

  private static Map<String, Object> point(String route, long status, String errorType) {
    Map<String, Object> point = new TreeMap<>();
    point.put("http.request.method", "GET");
    point.put("url.scheme", "http");
    if (route != null) {
      point.put("http.route", route);
    }
    point.put("http.response.status_code", status);
    if (errorType != null) {
      point.put("error.type", errorType);
    }
    return point;
  }

  /** The attribute sets of every http.server.request.duration point exported so far. */
  private static Set<Map<String, Object>> durationPoints(OtlpReceiver receiver) {
    Set<Map<String, Object>> points = new HashSet<>();
    for (Metric metric : receiver.metrics()) {
      if (metric.getName().equals("http.server.request.duration")) {
        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
          points.add(OtlpReceiver.attributes(point.getAttributesList()));
        }
      }
    }
    return points;
  }

  private static String path(Span span) {
    return (String) OtlpReceiver.attributes(span.getAttributesList()).get("url.path");
  }

  private int get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("User-Agent", "meerkat-it")
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
