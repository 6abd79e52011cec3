package dev.meerkat.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Propagators, sampling weights, noise control and self-metrics with the real agent jar: {@link
 * BehavioursApp}'s {@code /front} calls its {@code /echo}, which answers with the propagation
 * headers it received.
 */
class AgentBehavioursIT {
  static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final HttpClient client = HttpClient.newHttpClient();

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  static ChildJvm start(Path jdk, OtlpReceiver receiver, Map<String, String> env, String... options)
      throws Exception {
    List<String> all = new ArrayList<>();
    all.add("-Dotel.exporter.otlp.endpoint=" + receiver.endpoint());
    all.add("-Dotel.bsp.schedule.delay=100");
    all.add("-Dotel.metric.export.interval=300");
    all.add("-Dsun.net.httpserver.nodelay=true");
    all.addAll(List.of(options));
    return ChildJvm.start(jdk, all, TEST_CLASSES, env, BehavioursApp.class.getName());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void b3FromTheEnvironmentPropagatesSingleHeaderAndSelfMetricsCountEverySpan(Path jdk)
      throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            start(
                jdk,
                receiver,
                Map.of("OTEL_PROPAGATORS", "b3", "MEERKAT_TRACES_EXCLUDE", "/health"))) {
      int port = app.awaitReadyPort(TIMEOUT);
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        bodies.add(get(port, "/front", Map.of()));
        assertThat(get(port, "/health", Map.of())).isEqualTo("ok");
      }

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 12, () -> "" + receiver.spans());
      assertThat(spans).hasSize(12);
      Set<String> expected = new java.util.HashSet<>();
      for (Span span : spans) {
        if (span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT) {
          expected.add("b3=" + hex(span.getTraceId()) + "-" + hex(span.getSpanId()) + "-1\n");
        }
      }
      assertThat(Set.copyOf(bodies)).isEqualTo(expected).hasSize(4);
      // 12 spans: 4 x (front server, client, echo server); the excluded /health has none.
      Map<String, Long> self =
          Poll.until(
              TIMEOUT,
              () -> selfMetrics(receiver),
              m -> m.getOrDefault("meerkat.agent.spans.exported", 0L) == 12,
              () -> "self-metrics: " + selfMetrics(receiver));
      assertThat(self)
          .isEqualTo(
              Map.of(
                  "meerkat.agent.spans.started", 12L,
                  "meerkat.agent.spans.ended", 12L,
                  "meerkat.agent.spans.exported", 12L,
                  "meerkat.agent.spans.export_failed", 0L,
                  "meerkat.agent.spans.dropped", 0L,
                  "meerkat.agent.spans.queue.size", 0L));
      // The buffer-pool and file-descriptor metrics (no container limit on a host: no cgroup
      // files at /sys/fs/cgroup's root).
      List<String> resourceMetrics =
          List.of(
              "jvm.buffer.memory.used",
              "jvm.buffer.memory.limit",
              "jvm.buffer.count",
              "jvm.file_descriptor.count",
              "jvm.file_descriptor.limit");
      Poll.until(
          TIMEOUT,
          receiver::metricNames,
          names -> names.containsAll(resourceMetrics),
          () -> "metrics: " + receiver.metricNames());
      // Excluded from traces, never from the duration histogram (RED stays complete).
      Poll.until(
          TIMEOUT,
          () -> serverRequestCount(receiver, "/health"),
          c -> c == 4,
          () -> "histogram: " + serverRequestCount(receiver, "/health"));
      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent]"))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void b3multiExtractsIncomingHeadersAndInjectsMultipleHeaders(Path jdk) throws Exception {
    String traceId = "463ac35c9f6413ad48485a3953bb6124";
    String parentId = "0020000000000001";
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app = start(jdk, receiver, Map.of(), "-Dotel.propagators=b3multi")) {
      int port = app.awaitReadyPort(TIMEOUT);

      String body =
          get(
              port,
              "/front",
              Map.of("X-B3-TraceId", traceId, "X-B3-SpanId", parentId, "X-B3-Sampled", "1"));

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 3, () -> "" + receiver.spans());
      assertThat(spans).hasSize(3).allMatch(s -> hex(s.getTraceId()).equals(traceId));
      Span front = byKindAndParent(spans, Span.SpanKind.SPAN_KIND_SERVER, parentId);
      Span call = byKindAndParent(spans, Span.SpanKind.SPAN_KIND_CLIENT, hex(front.getSpanId()));
      assertThat(body)
          .isEqualTo(
              "X-B3-TraceId="
                  + traceId
                  + "\nX-B3-SpanId="
                  + hex(call.getSpanId())
                  + "\nX-B3-Sampled=1\n");
      assertThat(app.agentWarningsAndErrors()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void badOptionsWarnOnceEachAndTheAgentStartsWithW3cDefaults(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            start(
                jdk,
                receiver,
                Map.of("OTEL_PROPAGATORS", "nope", "OTEL_TRACES_SAMPLER", "sometimes"),
                "-Dmeerkat.traces.exlcude=/health",
                "-Dotel.instrumentation.okhttpp.enabled=false")) {
      int port = app.awaitReadyPort(TIMEOUT);

      String body = get(port, "/front", Map.of());

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 3, () -> "" + receiver.spans());
      Span call =
          spans.stream()
              .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
              .findFirst()
              .orElseThrow();
      // The W3C flags of the exported span: sampled (01), and random trace id (02) on SDKs that
      // set it.
      String flags = String.format("%02x", call.getFlags() & 0xff);
      assertThat(flags).isIn("01", "03");
      assertThat(body)
          .isEqualTo(
              "traceparent=00-"
                  + hex(call.getTraceId())
                  + "-"
                  + hex(call.getSpanId())
                  + "-"
                  + flags
                  + "\n");
      assertThat(app.agentWarningsAndErrors())
          .containsExactlyInAnyOrder(
              "[meerkat-agent] WARN Unknown Meerkat options ignored: [meerkat.traces.exlcude]"
                  + " (known: [meerkat.agent.enabled, meerkat.agent.log.level,"
                  + " meerkat.sampler.traces_per_second, meerkat.traces.exclude,"
                  + " meerkat.traces.sampling.paths, meerkat.prometheus.port])",
              "[meerkat-agent] WARN Configuration: otel.propagators: unknown [nope] ignored, using"
                  + " tracecontext,baggage (accepted: tracecontext, baggage, b3, b3multi, jaeger,"
                  + " ottrace, none)",
              "[meerkat-agent] WARN Configuration: otel.traces.sampler=sometimes is not supported;"
                  + " using parentbased_always_on (supported: always_on, always_off, traceidratio,"
                  + " parentbased_always_on, parentbased_always_off, parentbased_traceidratio,"
                  + " meerkat_rate_limited)",
              "[meerkat-agent] WARN Unknown instrumentation names in"
                  + " otel.instrumentation.<name>.enabled: [okhttpp] (known: "
                  + knownInstrumentationNames(app)
                  + ")");
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void ratioSamplerWeighsEveryExportedSpanOfASampledTrace(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            start(
                jdk,
                receiver,
                Map.of(),
                "-Dotel.traces.sampler=parentbased_traceidratio",
                "-Dotel.traces.sampler.arg=0.25")) {
      int port = app.awaitReadyPort(TIMEOUT);
      for (int i = 0; i < 40; i++) {
        get(port, "/front", Map.of());
      }

      // Every request is in the histogram whatever the sampling.
      Poll.until(
          TIMEOUT,
          () -> serverRequestCount(receiver, "/front"),
          c -> c == 40,
          () -> "histogram: " + serverRequestCount(receiver, "/front"));
      Map<String, Long> self =
          Poll.until(
              TIMEOUT,
              () -> selfMetrics(receiver),
              m ->
                  m.getOrDefault("meerkat.agent.spans.exported", -1L)
                      .equals(m.get("meerkat.agent.spans.ended")),
              () -> "self-metrics: " + selfMetrics(receiver));
      List<Span> spans = receiver.spans();
      assertThat((long) spans.size()).isEqualTo(self.get("meerkat.agent.spans.exported"));
      Map<ByteString, List<Span>> traces =
          spans.stream().collect(Collectors.groupingBy(Span::getTraceId));
      // 40 traces at p = 0.25: none or all sampled has a probability below 1e-4.
      assertThat(traces.size()).isBetween(1, 39);
      assertThat(traces.values()).allSatisfy(t -> assertThat(t).hasSize(3));
      assertThat(spans)
          .allSatisfy(
              s -> {
                assertThat(OtlpReceiver.attributes(s.getAttributesList()))
                    .containsEntry("SampleRate", 4.0);
                assertThat(s.getTraceState()).isEqualTo("mk=sr:4.0");
              });
      assertThat(app.agentWarningsAndErrors()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void alwaysOffExportsNoSpanButEveryRequestInTheDurationHistograms(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app = start(jdk, receiver, Map.of("OTEL_TRACES_SAMPLER", "always_off"))) {
      int port = app.awaitReadyPort(TIMEOUT);
      for (int i = 0; i < 5; i++) {
        get(port, "/front", Map.of());
      }

      Poll.until(
          TIMEOUT,
          () ->
              List.of(
                  serverRequestCount(receiver, "/front"), serverRequestCount(receiver, "/echo")),
          c -> c.equals(List.of(5L, 5L)),
          () -> "histogram: " + serverRequestCount(receiver, "/front"));
      assertThat(selfMetrics(receiver).get("meerkat.agent.spans.started")).isEqualTo(0L);
      assertThat(receiver.spans()).isEmpty();
      assertThat(app.agentWarningsAndErrors()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void rateLimitedSamplerAndDefaultDisabledInstrumentationsStartQuietly(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            start(
                jdk,
                receiver,
                Map.of(
                    "OTEL_TRACES_SAMPLER", "meerkat_rate_limited",
                    "OTEL_TRACES_SAMPLER_ARG", "1000",
                    "OTEL_INSTRUMENTATION_COMMON_DEFAULT_ENABLED", "false",
                    "OTEL_INSTRUMENTATION_JDK_HTTP_SERVER_ENABLED", "true"))) {
      int port = app.awaitReadyPort(TIMEOUT);
      for (int i = 0; i < 3; i++) {
        // No client instrumentation: nothing is injected, the echo server starts its own trace.
        assertThat(get(port, "/front", Map.of())).isEmpty();
      }

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 6, () -> "" + receiver.spans());
      assertThat(spans)
          .hasSize(6)
          .allMatch(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
          .allMatch(s -> s.getParentSpanId().isEmpty())
          // Fewer roots than the limit in the first second: probability 1, no weight attribute.
          .allMatch(s -> !OtlpReceiver.attributes(s.getAttributesList()).containsKey("SampleRate"));
      assertThat(spans.stream().map(Span::getTraceId).distinct()).hasSize(6);
      Poll.until(
          TIMEOUT,
          () -> selfMetrics(receiver),
          m -> m.getOrDefault("meerkat.agent.spans.exported", 0L) == 6,
          () -> "self-metrics: " + selfMetrics(receiver));
      // runtime-telemetry is off with the others.
      assertThat(receiver.metricNames()).noneMatch(n -> n.startsWith("jvm."));
      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderr())
          .filteredOn(l -> l.startsWith("[meerkat-agent] INFO"))
          .singleElement()
          .satisfies(l -> assertThat(l).endsWith("instrumentations=[jdk-http-server]"));
    }
  }

  private String get(int port, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    headers.forEach(request::header);
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private static Span byKindAndParent(List<Span> spans, Span.SpanKind kind, String parentId) {
    return spans.stream()
        .filter(s -> s.getKind() == kind && hex(s.getParentSpanId()).equals(parentId))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " child of " + parentId + ": " + spans));
  }

  /** The latest value of each {@code meerkat.agent.spans.*} counter. */
  static Map<String, Long> selfMetrics(OtlpReceiver receiver) {
    Map<String, Long> values = new HashMap<>();
    for (Metric metric : receiver.metrics()) {
      if (metric.getName().startsWith("meerkat.agent.spans.")) {
        values.put(metric.getName(), sum(metric, Map.of()));
      }
    }
    return values;
  }

  /** The latest value of a sum metric, over its points whose attributes include {@code filter}. */
  static long latestSum(OtlpReceiver receiver, String name, Map<String, Object> filter) {
    long value = -1;
    for (Metric metric : receiver.metrics()) {
      if (metric.getName().equals(name)) {
        value = sum(metric, filter);
      }
    }
    return value;
  }

  private static long sum(Metric metric, Map<String, Object> filter) {
    long total = 0;
    for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
      if (OtlpReceiver.attributes(point.getAttributesList())
          .entrySet()
          .containsAll(filter.entrySet())) {
        total += point.getAsInt();
      }
    }
    return total;
  }

  /** Requests counted by the latest {@code http.server.request.duration} export for a route. */
  static long serverRequestCount(OtlpReceiver receiver, String route) {
    long count = -1;
    for (Metric metric : receiver.metrics()) {
      if (metric.getName().equals("http.server.request.duration")) {
        count = 0;
        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
          if (route.equals(OtlpReceiver.attributes(point.getAttributesList()).get("http.route"))) {
            count += point.getCount();
          }
        }
      }
    }
    return count;
  }

  /**
   * Every module the jar holds is active in this JVM (listed in the start line), plus the two
   * switches that are not modules: the set a misspelt name is reported against.
   */
  private static String knownInstrumentationNames(ChildJvm app) {
    String start =
        app.stderr().stream()
            .filter(l -> l.contains(" started in ") && l.contains("instrumentations=["))
            .findFirst()
            .orElseThrow();
    String listed =
        start.substring(start.indexOf("instrumentations=[") + 18, start.lastIndexOf(']'));
    TreeSet<String> names = new TreeSet<>(List.of(listed.split(", ")));
    names.add("common");
    names.add("runtime-telemetry");
    return names.toString();
  }
}
