package dev.meerkat.agent.threads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real agent on a child JVM: every task submitted inside a SERVER span makes its HTTP call (a
 * CLIENT span) as a child of exactly that span, whatever the executor; tasks submitted later with
 * no span current, on the same worker threads, make root CLIENT spans (nothing leaked).
 */
class ContextPropagationIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  static final List<String> WORK =
      List.of(
          "tpe-execute",
          "tpe-submit",
          "tpe-invokeAll",
          "tpe-invokeAny",
          "tpe-remove",
          "tpe-shutdownNow",
          "tpe-afterExecute",
          "stpe-schedule",
          "stpe-periodic-1",
          "stpe-periodic-2",
          "fjp-execute",
          "fjp-submit",
          "fjp-invoke",
          "fjp-invoke-forked",
          "fjp-common",
          "cf-supplyAsync",
          "cf-runAsync-executor",
          "cf-thenApplyAsync",
          "cf-thenApply",
          "cf-whenComplete",
          "cf-thenCombine");
  static final List<String> WORK_JAVA_21 =
      List.of(
          "vt-start-1",
          "vt-start-2",
          "vt-executor",
          "vt-executor-execute",
          "tpte-platform",
          "tpte-platform-execute");
  static final List<String> LATER =
      List.of(
          "later-tpe-execute",
          "later-tpe-submit",
          "later-stpe-schedule",
          "later-fjp-execute",
          "later-fjp-invoke",
          "later-fjp-invoke-forked",
          "later-cf-supplyAsync",
          "later-cf-thenApply");
  static final List<String> LATER_JAVA_21 = List.of("later-vt-start-1", "later-vt-start-2");

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void tasksRunInTheSubmittersContextAndLeakNothing(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=threads-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500",
                    "-Dsun.net.httpserver.nodelay=true"),
                ChildJvm.testClassPath(),
                ThreadsApp.class.getName())) {
      int port = app.awaitReadyPort(TIMEOUT);
      int java =
          Integer.parseInt(app.awaitStdout(l -> l.startsWith("JAVA "), TIMEOUT).substring(5));

      assertThat(get(port, "/work")).isEqualTo("ok");
      assertThat(app.awaitStdout(l -> l.startsWith("LATER "), TIMEOUT)).isEqualTo("LATER ok");

      List<String> work = new ArrayList<>(WORK);
      List<String> later = new ArrayList<>(LATER);
      if (java >= 21) {
        work.addAll(WORK_JAVA_21);
        later.addAll(LATER_JAVA_21);
      }
      // The /work SERVER span, and per call a CLIENT span and the /target SERVER span.
      int expected = 1 + 2 * (work.size() + later.size());
      List<Span> spans =
          Poll.until(
              TIMEOUT,
              receiver::spans,
              s -> s.size() >= expected,
              () -> "spans: " + names(receiver.spans()));
      assertThat(spans).hasSize(expected);

      Span server =
          spans.stream().filter(s -> s.getName().equals("GET /work")).findFirst().orElseThrow();
      assertThat(server.getParentSpanId().isEmpty()).isTrue();
      Map<String, Span> clients = clientSpansByCase(spans, port);
      List<String> all = new ArrayList<>(work);
      all.addAll(later);
      assertThat(clients.keySet()).containsExactlyInAnyOrderElementsOf(all);
      for (String name : work) {
        Span client = clients.get(name);
        assertThat(client.getTraceId()).as(name).isEqualTo(server.getTraceId());
        assertThat(client.getParentSpanId()).as(name).isEqualTo(server.getSpanId());
      }
      for (String name : later) {
        Span client = clients.get(name);
        assertThat(client.getParentSpanId().isEmpty()).as(name + " is a root span").isTrue();
        assertThat(client.getTraceId()).as(name).isNotEqualTo(server.getTraceId());
      }

      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          .isEmpty();
    }
  }

  /** CLIENT spans by the case in their URL, one per case. */
  private static Map<String, Span> clientSpansByCase(List<Span> spans, int port) {
    String prefix = "http://127.0.0.1:" + port + "/target/";
    Map<String, Span> byCase = new TreeMap<>();
    for (Span span : spans) {
      if (span.getKind() != Span.SpanKind.SPAN_KIND_CLIENT) {
        continue;
      }
      String url = (String) OtlpReceiver.attributes(span.getAttributesList()).get("url.full");
      assertThat(url).startsWith(prefix);
      assertThat(byCase.put(url.substring(prefix.length()), span)).as("one span per case").isNull();
    }
    return byCase;
  }

  private static List<String> names(List<Span> spans) {
    return spans.stream().map(Span::getName).toList();
  }

  private static String get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
