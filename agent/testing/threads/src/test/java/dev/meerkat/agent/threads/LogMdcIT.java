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
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real agent on a child JVM: Logback and Log4j 2 patterns with {@code %X{trace_id}}, {@code
 * %X{span_id}} and {@code %X{trace_flags}} print exactly the exported span's ids while it is
 * current (also in a pool task it propagated to, and through asynchronous appenders), and nothing
 * outside spans; the application's own MDC entries stay.
 */
class LogMdcIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> LOGGERS =
      List.of("logback", "logback-async", "log4j2", "log4j2-async");

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void logLinesCarryTheCurrentSpansIdsAndNothingOutsideSpans(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=logging-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500",
                    "-Dlogback.configurationFile=mdc-logback.xml",
                    "-Dlog4j2.configurationFile=mdc-log4j2.xml"),
                ChildJvm.testClassPath(),
                LoggingApp.class.getName())) {
      int port = app.awaitReadyPort(TIMEOUT);
      assertThat(get(port, "/log")).isEqualTo("ok");
      app.awaitStdout(l -> l.equals("DONE"), TIMEOUT);

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> !s.isEmpty(), () -> "no span exported");
      assertThat(spans).hasSize(1);
      Span server = spans.get(0);
      assertThat(server.getName()).isEqualTo("GET /log");
      String ids =
          HexFormat.of().formatHex(server.getTraceId().toByteArray())
              + "|"
              + HexFormat.of().formatHex(server.getSpanId().toByteArray())
              + "|"
              // The W3C trace flags are the low 8 bits of the exported span's flags.
              + String.format("%02x", server.getFlags() & 0xff);

      List<String> expected = new ArrayList<>();
      for (String logger : LOGGERS) {
        expected.add(logger + " ||| outside");
        expected.add(logger + " " + ids + "|alice inside");
        expected.add(logger + " " + ids + "| task");
        expected.add(logger + " ||| after");
      }
      List<String> logLines =
          Poll.until(
              TIMEOUT,
              () -> app.stdout().stream().filter(l -> l.startsWith("log")).toList(),
              lines -> lines.size() >= expected.size(),
              () -> "stdout: " + app.stdout());
      assertThat(logLines).containsExactlyInAnyOrderElementsOf(expected);

      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          .isEmpty();
    }
  }

  private static String get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
