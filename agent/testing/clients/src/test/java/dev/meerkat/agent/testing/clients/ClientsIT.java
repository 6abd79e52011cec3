package dev.meerkat.agent.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The real agent jar on a child JVM per JDK and per version set: the latest supported versions of
 * OkHttp, Apache HttpClient 4 and 5 (the test class path), or the minimum ones (swapped in from
 * target/min-libs), with grpc-java, all calling real loopback servers. Every scenario's trace is
 * checked span by span: names, kinds, parents, client attributes, status, exceptions.
 */
class ClientsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String OK = "STATUS_CODE_UNSET";
  private static final String ERROR = "STATUS_CODE_ERROR";
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
  void tracesEveryClientCallOnceWithItsServerAsChild(Path jdk, String versions) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=clients-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500",
                    "-Dsun.net.httpserver.nodelay=true",
                    // gRPC's shaded Netty loads its native transport (a warning on 24+ without).
                    "--enable-native-access=ALL-UNNAMED"),
                classPath(versions),
                ClientsApp.class.getName())) {
      String[] ready = app.awaitStdout(l -> l.startsWith("READY "), TIMEOUT).split(" ");
      Ports ports =
          new Ports(
              Integer.parseInt(ready[1]), Integer.parseInt(ready[2]), Integer.parseInt(ready[3]));

      assertThat(get(ports, "/okhttp?mode=sync")).isEqualTo("200");
      assertThat(get(ports, "/okhttp?mode=status500")).isEqualTo("500");
      assertThat(get(ports, "/okhttp?mode=refused")).isEqualTo("java.net.ConnectException");
      assertThat(get(ports, "/okhttp?mode=async")).isEqualTo("200");
      assertThat(get(ports, "/okhttp?mode=nested")).isEqualTo("200");
      String apache4Refused = "org.apache.http.conn.HttpHostConnectException";
      String apache5Refused = "org.apache.hc.client5.http.HttpHostConnectException";
      for (String library : List.of("apache4", "apache5")) {
        assertThat(get(ports, "/" + library + "?mode=sync")).isEqualTo("200");
        assertThat(get(ports, "/" + library + "?mode=status500")).isEqualTo("500");
        assertThat(get(ports, "/" + library + "?mode=refused"))
            .isEqualTo(library.equals("apache4") ? apache4Refused : apache5Refused);
        assertThat(get(ports, "/" + library + "?mode=nested")).isEqualTo("200");
      }
      assertThat(get(ports, "/apache5?mode=async")).isEqualTo("200");
      assertThat(get(ports, "/grpc?mode=ok")).isEqualTo("200");
      assertThat(get(ports, "/grpc?mode=fail")).isEqualTo("INTERNAL");
      assertThat(get(ports, "/grpc?mode=notfound")).isEqualTo("NOT_FOUND");

      // okhttp 17 spans in 6 traces (5 calls, the inner call alone), apache4 12 in 5, apache5 15
      // in 6, grpc 11 in 3.
      List<Span> spans =
          Poll.until(
              TIMEOUT, receiver::spans, s -> s.size() >= 55, () -> "spans: " + receiver.spans());
      assertThat(spans).hasSize(55);
      Map<ByteString, List<Span>> traces =
          spans.stream().collect(Collectors.groupingBy(Span::getTraceId));
      assertThat(traces).hasSize(20);

      assertHttpClientTraces(traces, ports, "okhttp", "java.net.ConnectException", false);
      assertOkHttpAsyncTrace(traces, ports);
      assertHttpClientTraces(traces, ports, "apache4", apache4Refused, false);
      assertHttpClientTraces(traces, ports, "apache5", apache5Refused, true);
      assertGrpcTraces(traces, ports);
      assertRpcDurations(receiver, ports);

      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO Meerkat agent"))
          .isEmpty();
    }
  }

  private static void assertHttpClientTraces(
      Map<ByteString, List<Span>> traces,
      Ports ports,
      String library,
      String refusedType,
      boolean async) {
    String front = "GET /" + library;
    List<String> modes = new ArrayList<>(List.of("sync", "status500", "nested"));
    if (async) {
      modes.add("async");
    }
    for (String mode : modes) {
      List<Span> trace = traceOf(traces, "/" + library, "mode=" + mode);
      assertThat(shape(trace))
          .as(library + " " + mode)
          .containsExactlyInAnyOrder(
              "SERVER " + front + " <- ", "CLIENT GET <- " + front, "SERVER GET /target <- GET");
      long status = mode.equals("status500") ? 500 : 200;
      String url =
          "http://127.0.0.1:"
              + ports.http
              + "/target?from="
              + library
              + "-"
              + mode
              + (status == 500 ? "&status=500" : "");
      Span client = byKind(trace, Span.SpanKind.SPAN_KIND_CLIENT);
      assertThat(OtlpReceiver.attributes(client.getAttributesList()))
          .as(library + " " + mode)
          .isEqualTo(clientAttributes(url, ports.http, status, null));
      assertThat(client.getStatus().getCode().name()).isEqualTo(status == 500 ? ERROR : OK);
      assertThat(client.getEventsList()).isEmpty();
    }
    // The interceptor's own client call was not traced: its server span starts a trace alone.
    List<Span> inner = traceOf(traces, "/target", "from=" + library + "-nested-inner");
    assertThat(shape(inner)).containsExactly("SERVER GET /target <- ");

    List<Span> refused = traceOf(traces, "/" + library, "mode=refused");
    assertThat(shape(refused))
        .containsExactlyInAnyOrder("SERVER " + front + " <- ", "CLIENT GET <- " + front);
    Span client = byKind(refused, Span.SpanKind.SPAN_KIND_CLIENT);
    String url = "http://127.0.0.1:" + ports.closed + "/target?from=" + library + "-refused";
    assertThat(OtlpReceiver.attributes(client.getAttributesList()))
        .isEqualTo(clientAttributes(url, ports.closed, -1, refusedType));
    assertThat(client.getStatus().getCode().name()).isEqualTo(ERROR);
    assertThat(client.getEventsList()).hasSize(1);
    assertThat(client.getEvents(0).getName()).isEqualTo("exception");
    assertThat(OtlpReceiver.attributes(client.getEvents(0).getAttributesList()))
        .containsEntry("exception.type", refusedType);
  }

  /**
   * The enqueued call's span is the enqueuing server span's child; its callback runs in that
   * context too (its HttpURLConnection call is traced, as the server span's child), and the
   * enqueued call's span ends after the callback has.
   */
  private static void assertOkHttpAsyncTrace(Map<ByteString, List<Span>> traces, Ports ports) {
    List<Span> trace = traceOf(traces, "/okhttp", "mode=async");
    assertThat(shape(trace))
        .containsExactlyInAnyOrder(
            "SERVER GET /okhttp <- ",
            "CLIENT GET <- GET /okhttp",
            "SERVER GET /target <- GET",
            "CLIENT GET <- GET /okhttp",
            "SERVER GET /target <- GET");
    String target = "http://127.0.0.1:" + ports.http + "/target?from=";
    Span call = clientSpan(trace, target + "okhttp-async");
    Span callback = clientSpan(trace, target + "okhttp-async-callback");
    assertThat(OtlpReceiver.attributes(call.getAttributesList()))
        .isEqualTo(clientAttributes(target + "okhttp-async", ports.http, 200, null));
    assertThat(call.getEndTimeUnixNano()).isGreaterThan(callback.getEndTimeUnixNano());
  }

  private static Span clientSpan(List<Span> trace, String url) {
    return trace.stream()
        .filter(s -> url.equals(OtlpReceiver.attributes(s.getAttributesList()).get("url.full")))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> clientAttributes(
      String url, int port, long status, String exception) {
    Map<String, Object> expected = new TreeMap<>();
    expected.put("http.request.method", "GET");
    expected.put("url.full", url);
    expected.put("server.address", "127.0.0.1");
    expected.put("server.port", (long) port);
    if (status > 0) {
      expected.put("http.response.status_code", status);
    }
    if (status >= 400) {
      expected.put("error.type", String.valueOf(status));
    }
    if (exception != null) {
      expected.put("error.type", exception);
    }
    return expected;
  }

  private static void assertGrpcTraces(Map<ByteString, List<Span>> traces, Ports ports) {
    String rpc = "demo.Greeter/SayHello";
    List<Span> ok = traceOf(traces, "/grpc", "mode=ok");
    assertThat(shape(ok))
        .containsExactlyInAnyOrder(
            "SERVER GET /grpc <- ",
            "CLIENT " + rpc + " <- GET /grpc",
            "SERVER " + rpc + " <- " + rpc,
            "CLIENT GET <- " + rpc,
            "SERVER GET /target <- GET");
    for (Span span : ok) {
      if (span.getName().equals(rpc)) {
        assertThat(OtlpReceiver.attributes(span.getAttributesList()))
            .isEqualTo(rpcAttributes(ports.grpc, 0));
        assertThat(span.getStatus().getCode().name()).isEqualTo(OK);
      }
    }
    // INTERNAL is an error on both sides; NOT_FOUND only on the client's.
    for (String mode : List.of("fail", "notfound")) {
      List<Span> trace = traceOf(traces, "/grpc", "mode=" + mode);
      assertThat(shape(trace))
          .containsExactlyInAnyOrder(
              "SERVER GET /grpc <- ",
              "CLIENT " + rpc + " <- GET /grpc",
              "SERVER " + rpc + " <- " + rpc);
      long code = mode.equals("fail") ? 13 : 5;
      Span client = byKind(trace, Span.SpanKind.SPAN_KIND_CLIENT);
      Span server =
          trace.stream()
              .filter(s -> s.getName().equals(rpc))
              .filter(s -> s != client)
              .findFirst()
              .orElseThrow();
      assertThat(OtlpReceiver.attributes(client.getAttributesList()))
          .isEqualTo(rpcAttributes(ports.grpc, code));
      assertThat(OtlpReceiver.attributes(server.getAttributesList()))
          .isEqualTo(rpcAttributes(ports.grpc, code));
      assertThat(client.getStatus().getCode().name()).isEqualTo(ERROR);
      assertThat(server.getStatus().getCode().name()).isEqualTo(code == 13 ? ERROR : OK);
    }
  }

  private static Map<String, Object> rpcAttributes(int port, long code) {
    Map<String, Object> expected = new TreeMap<>();
    expected.put("rpc.system", "grpc");
    expected.put("rpc.service", "demo.Greeter");
    expected.put("rpc.method", "SayHello");
    expected.put("server.address", "127.0.0.1");
    expected.put("server.port", (long) port);
    expected.put("rpc.grpc.status_code", code);
    return expected;
  }

  /** Both histograms, one series per status code, recorded for every call. */
  private static void assertRpcDurations(OtlpReceiver receiver, Ports ports) {
    Set<Map<String, Object>> expected =
        Set.of(
            rpcAttributes(ports.grpc, 0),
            rpcAttributes(ports.grpc, 13),
            rpcAttributes(ports.grpc, 5));
    for (String name : List.of("rpc.client.duration", "rpc.server.duration")) {
      Set<Map<String, Object>> series =
          Poll.until(
              TIMEOUT,
              () -> rpcSeries(receiver, name),
              s -> s.size() >= 3,
              () -> name + ": " + rpcSeries(receiver, name));
      assertThat(series).as(name).isEqualTo(expected);
      Metric metric =
          receiver.metrics().stream()
              .filter(m -> m.getName().equals(name))
              .findFirst()
              .orElseThrow();
      assertThat(metric.getUnit()).isEqualTo("ms");
    }
  }

  private static Set<Map<String, Object>> rpcSeries(OtlpReceiver receiver, String name) {
    return receiver.metrics().stream()
        .filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getHistogram().getDataPointsList().stream())
        .map(p -> OtlpReceiver.attributes(p.getAttributesList()))
        .collect(Collectors.toSet());
  }

  /** The trace whose SERVER span has this path and query. */
  private static List<Span> traceOf(Map<ByteString, List<Span>> traces, String path, String query) {
    for (List<Span> trace : traces.values()) {
      for (Span span : trace) {
        Map<String, Object> attributes = OtlpReceiver.attributes(span.getAttributesList());
        if (span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
            && path.equals(attributes.get("url.path"))
            && query.equals(attributes.get("url.query"))) {
          return trace;
        }
      }
    }
    throw new AssertionError("no trace for " + path + "?" + query + " in " + traces.values());
  }

  /** "KIND name <- parent name" per span: the trace's tree, comparable at a glance. */
  private static List<String> shape(List<Span> trace) {
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

  private static Span byKind(List<Span> trace, Span.SpanKind kind) {
    return trace.stream().filter(s -> s.getKind() == kind).findFirst().orElseThrow();
  }

  private String get(Ports ports, String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.http + pathAndQuery)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /**
   * The test class path, or, for "minimum", the same with the minimum supported versions of OkHttp
   * and Apache HttpClient 4 and 5 in place of the latest.
   */
  private static String classPath(String versions) throws Exception {
    String testClassPath = ChildJvm.testClassPath();
    if (versions.equals("latest")) {
      return testClassPath;
    }
    List<String> entries = new ArrayList<>();
    for (String entry : testClassPath.split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (!name.matches(
          "(okhttp-jvm|httpclient|httpcore|httpclient5|httpcore5|httpcore5-h2)-[0-9].*")) {
        entries.add(entry);
      }
    }
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("meerkat.min.libs")))) {
      jars.map(Path::toString).sorted().forEach(entries::add);
    }
    assertThat(entries.size()).isEqualTo(testClassPath.split(File.pathSeparator).length);
    return String.join(File.pathSeparator, entries);
  }

  private record Ports(int http, int closed, int grpc) {}
}
