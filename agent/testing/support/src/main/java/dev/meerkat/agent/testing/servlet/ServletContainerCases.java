package dev.meerkat.agent.testing.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases every servlet container runs with the real agent: one SERVER span per request through a
 * wrapping filter, forwards, includes, error-page and async dispatches. The javax and jakarta test
 * modules run them on their containers ({@code dev.meerkat.agent.it.servlet.TomcatApp} and {@code
 * JettyApp} in each module's tests): the requests and the spans expected are the same, only the
 * servlet API's namespace differs.
 */
public abstract class ServletContainerCases {
  private static final String APPS = "dev.meerkat.agent.it.servlet.";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";
  private final HttpClient client = HttpClient.newHttpClient();
  private final String servletApiJar;
  private final boolean jettyHasMappings;

  /**
   * @param servletApiJar the file-name start of the servlet API jar the Jetty run leaves out
   *     ({@code javax.servlet-api}, {@code jakarta.servlet-api})
   * @param jettyHasMappings whether the Jetty under test implements Servlet 4.0's mapping API
   */
  protected ServletContainerCases(String servletApiJar, boolean jettyHasMappings) {
    this.servletApiJar = servletApiJar;
    this.jettyHasMappings = jettyHasMappings;
  }

  static Stream<Arguments> containers() {
    return TestJdks.homes().stream()
        .flatMap(
            jdk ->
                Stream.of(
                    Arguments.of(jdk, APPS + "TomcatApp", "jetty-"),
                    Arguments.of(jdk, APPS + "JettyApp", "tomcat-")));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("containers")
  void tracesEachRequestAsOneServerSpan(Path jdk, String app, String otherContainer)
      throws Exception {
    boolean servlet4 = otherContainer.equals("jetty-") || jettyHasMappings;
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm jvm =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=servlet-it",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500",
                    // C1 only: the containers start faster, and these tests measure no speed.
                    "-XX:TieredStopAtLevel=1"),
                classPathWithout(otherContainer),
                app)) {
      int port = jvm.awaitReadyPort(TIMEOUT);

      assertThat(get(port, "/hello?name=x", true)).isEqualTo(200);
      assertThat(get(port, "/forward", false)).isEqualTo(200);
      assertThat(get(port, "/include", false)).isEqualTo(200);
      assertThat(get(port, "/fail", false)).isEqualTo(500);
      assertThat(get(port, "/status?code=503", false)).isEqualTo(503);
      CompletableFuture<HttpResponse<Void>> async =
          client.sendAsync(request(port, "/async", false), HttpResponse.BodyHandlers.discarding());
      assertThat(get(port, "/async-finish", false)).isEqualTo(200);
      assertThat(async.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
      assertThat(get(port, "/async-dispatch", false)).isEqualTo(200);
      assertThat(get(port, "/missing", false)).isEqualTo(404);
      assertThat(get(port, "/api/items/1", false)).isEqualTo(200);

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 10, () -> "" + receiver.spans());
      assertThat(spans).extracting(Span::getKind).containsOnly(Span.SpanKind.SPAN_KIND_SERVER);
      Map<String, Span> byPath =
          spans.stream()
              .collect(Collectors.toMap(ServletContainerCases::path, Function.identity()));
      assertThat(byPath)
          .containsOnlyKeys(
              "/hello",
              "/forward",
              "/include",
              "/fail",
              "/status",
              "/async",
              "/async-finish",
              "/async-dispatch",
              "/missing",
              "/api/items/1");

      Span hello = byPath.get("/hello");
      assertThat(HexFormat.of().formatHex(hello.getTraceId().toByteArray())).isEqualTo(TRACE_ID);
      assertThat(HexFormat.of().formatHex(hello.getParentSpanId().toByteArray()))
          .isEqualTo(PARENT_ID);
      assertSpan(hello, expected(servlet4, port, "/hello", "name=x", 200, null));
      assertSpan(byPath.get("/forward"), expected(servlet4, port, "/forward", null, 200, null));
      assertSpan(byPath.get("/include"), expected(servlet4, port, "/include", null, 200, null));
      assertSpan(
          byPath.get("/fail"),
          expected(servlet4, port, "/fail", null, 500, IllegalStateException.class.getName()));
      assertSpan(
          byPath.get("/status"), expected(servlet4, port, "/status", "code=503", 503, "503"));
      assertSpan(byPath.get("/async"), expected(servlet4, port, "/async", null, 201, null));
      assertSpan(
          byPath.get("/async-finish"), expected(servlet4, port, "/async-finish", null, 200, null));
      assertSpan(
          byPath.get("/async-dispatch"),
          expected(servlet4, port, "/async-dispatch", null, 200, null));
      assertSpan(byPath.get("/missing"), expected(servlet4, port, "/missing", null, 404, null));
      assertSpan(
          byPath.get("/api/items/1"), expected(servlet4, port, "/api/items/1", null, 200, null));
      for (Span span : spans) {
        if (span != hello) {
          assertThat(span.getParentSpanId().isEmpty()).as(path(span)).isTrue();
        }
      }

      Span fail = byPath.get("/fail");
      assertThat(fail.getEventsList()).hasSize(1);
      Map<String, Object> exception =
          OtlpReceiver.attributes(fail.getEventsList().get(0).getAttributesList());
      assertThat(fail.getEventsList().get(0).getName()).isEqualTo("exception");
      assertThat(exception)
          .containsEntry("exception.type", IllegalStateException.class.getName())
          .containsEntry("exception.message", "boom")
          .containsOnlyKeys("exception.type", "exception.message", "exception.stacktrace");
      assertThat(spans)
          .filteredOn(s -> s != fail)
          .allSatisfy(s -> assertThat(s.getEventsList()).isEmpty());

      assertThat(jvm.agentWarningsAndErrors()).isEmpty();
      assertThat(jvm.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          .isEmpty();
      assertThat(receiver.spans()).hasSize(10);
    }
  }

  private static void assertSpan(Span span, Map<String, Object> expected) {
    Object route = expected.get("http.route");
    assertThat(span.getName()).isEqualTo(route == null ? "GET" : "GET " + route);
    assertThat(OtlpReceiver.attributes(span.getAttributesList())).isEqualTo(expected);
    assertThat(span.getStatus().getCode())
        .as(path(span))
        .isEqualTo(
            expected.containsKey("error.type")
                ? Status.StatusCode.STATUS_CODE_ERROR
                : Status.StatusCode.STATUS_CODE_UNSET);
  }

  /** The attributes semconv asks of an HTTP server span, built by hand. */
  static Map<String, Object> expected(
      boolean servlet4, int port, String path, String query, long status, String errorType) {
    Map<String, Object> expected = new TreeMap<>();
    expected.put("http.request.method", "GET");
    // Servlet 4.0+ tells the mapping: each test servlet is mapped exactly to its path; the
    // default servlet (404) gives no route.
    if (servlet4 && path.startsWith("/api/")) {
      expected.put("http.route", "/api/*");
    } else if (servlet4 && !path.equals("/missing")) {
      expected.put("http.route", path);
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

  /** This test's class path without the other container's jars (and its servlet API jar). */
  private String classPathWithout(String otherContainer) {
    return Stream.of(ChildJvm.testClassPath().split(File.pathSeparator))
        .filter(
            entry -> {
              String name = Path.of(entry).getFileName().toString();
              return !name.startsWith(otherContainer)
                  && !(otherContainer.equals("jetty-") && name.startsWith(servletApiJar));
            })
        .collect(Collectors.joining(File.pathSeparator));
  }

  private int get(int port, String path, boolean withParent) throws Exception {
    return client
        .send(request(port, path, withParent), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static HttpRequest request(int port, String path, boolean withParent) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("User-Agent", "meerkat-it");
    if (withParent) {
      request.header("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01");
    }
    return request.build();
  }
}
