package dev.meerkat.agent.it.springwebmvc;

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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spring Boot 2.7 (Spring MVC 5.3, javax, Tomcat 9) with the real agent: spans named by route,
 * under a context path (which Spring's own patterns do not include).
 */
class SpringWebMvc5IT {
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

      assertThat(get(port, "/petclinic/owners/42?full=true")).isEqualTo(200);
      assertThat(get(port, "/petclinic/owners/42/pets/7")).isEqualTo(200);
      assertThat(get(port, "/petclinic/visits/9")).isEqualTo(200);
      assertThat(get(port, "/petclinic/oops")).isEqualTo(500);
      assertThat(get(port, "/petclinic/nowhere/1")).isEqualTo(404);

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 5, () -> "" + receiver.spans());
      Map<String, Span> byPath =
          spans.stream().collect(Collectors.toMap(SpringWebMvc5IT::path, Function.identity()));
      assertThat(byPath)
          .containsOnlyKeys(
              "/petclinic/owners/42",
              "/petclinic/owners/42/pets/7",
              "/petclinic/visits/9",
              "/petclinic/oops",
              "/petclinic/nowhere/1");
      assertSpan(
          byPath.get("/petclinic/owners/42"),
          "GET /petclinic/owners/{ownerId}",
          expected(
              port, "/petclinic/owners/42", "full=true", "/petclinic/owners/{ownerId}", 200, null));
      assertSpan(
          byPath.get("/petclinic/owners/42/pets/7"),
          "GET /petclinic/owners/{ownerId}/pets/{petId}",
          expected(
              port,
              "/petclinic/owners/42/pets/7",
              null,
              "/petclinic/owners/{ownerId}/pets/{petId}",
              200,
              null));
      assertSpan(
          byPath.get("/petclinic/visits/9"),
          "GET /petclinic/visits/{visitId}",
          expected(port, "/petclinic/visits/9", null, "/petclinic/visits/{visitId}", 200, null));
      assertSpan(
          byPath.get("/petclinic/oops"),
          "GET /petclinic/oops",
          expected(
              port,
              "/petclinic/oops",
              null,
              "/petclinic/oops",
              500,
              IllegalStateException.class.getName()));
      assertSpan(
          byPath.get("/petclinic/nowhere/1"),
          "GET",
          expected(port, "/petclinic/nowhere/1", null, null, 404, null));

      Span oops = byPath.get("/petclinic/oops");
      assertThat(oops.getEventsList()).hasSize(1);
      assertThat(oops.getEventsList().get(0).getName()).isEqualTo("exception");
      assertThat(OtlpReceiver.attributes(oops.getEventsList().get(0).getAttributesList()))
          .containsEntry("exception.type", IllegalStateException.class.getName())
          .containsEntry("exception.message", "boom")
          .containsOnlyKeys("exception.type", "exception.message", "exception.stacktrace");
      assertThat(spans)
          .filteredOn(s -> s != oops)
          .allSatisfy(s -> assertThat(s.getEventsList()).isEmpty());

      assertThat(jvm.agentWarningsAndErrors()).isEmpty();
      assertThat(jvm.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          // Tomcat 9 probes for its native library: JDK 24+ warns about System.loadLibrary.
          .filteredOn(l -> !l.startsWith("WARNING: ") && !l.isEmpty())
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
