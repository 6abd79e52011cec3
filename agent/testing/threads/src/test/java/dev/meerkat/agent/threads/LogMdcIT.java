package dev.meerkat.agent.threads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
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
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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

  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new OtlpReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  /** The library versions and Log4j 2 ThreadContext map, each with its own context injector. */
  enum Libraries {
    /** Logback 1.5, Log4j 2.26 with its default map (ForDefaultThreadContextMap). */
    LATEST("default"),
    /** Logback 1.2, Log4j 2.17 with its default map (ForCopyOnWriteThreadContextMap). */
    MINIMUM("CopyOnWriteSortedArrayThreadContextMap"),
    /** Latest, Log4j 2's garbage-free map (ForGarbageFreeThreadContextMap). */
    LATEST_GARBAGE_FREE("GarbageFreeSortedArrayThreadContextMap");

    final String contextMap;

    Libraries(String contextMap) {
      this.contextMap = contextMap;
    }
  }

  static Stream<Arguments> jdksAndLibraries() {
    return TestJdks.homes().stream()
        .flatMap(jdk -> Stream.of(Libraries.values()).map(l -> Arguments.of(jdk, l)));
  }

  @ParameterizedTest
  @MethodSource("jdksAndLibraries")
  void logLinesCarryTheCurrentSpansIdsAndNothingOutsideSpans(Path jdk, Libraries libraries)
      throws Exception {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Dotel.service.name=logging-app",
                "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                "-Dotel.bsp.schedule.delay=100",
                "-Dotel.metric.export.interval=500",
                "-Dlogback.configurationFile=mdc-logback.xml",
                "-Dlog4j2.configurationFile=mdc-log4j2.xml"));
    if (libraries == Libraries.LATEST_GARBAGE_FREE) {
      options.add("-Dlog4j2.garbagefreeThreadContextMap=true");
    }
    String classPath =
        libraries == Libraries.MINIMUM ? minimumLoggingClassPath() : ChildJvm.testClassPath();
    try (ChildJvm app = ChildJvm.start(jdk, options, classPath, LoggingApp.class.getName())) {
      assertThat(app.awaitStdout(l -> l.startsWith("CONTEXT_MAP "), TIMEOUT))
          .isEqualTo("CONTEXT_MAP " + libraries.contextMap);
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

  /** The test class path with the latest logging jars replaced by the minimum versions. */
  private static String minimumLoggingClassPath() throws Exception {
    List<String> entries = new ArrayList<>();
    for (String entry : ChildJvm.testClassPath().split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (!name.startsWith("logback-")
          && !name.startsWith("slf4j-api-")
          && !name.startsWith("log4j-")) {
        entries.add(entry);
      }
    }
    Path minimum = Path.of(System.getProperty("meerkat.test.logging.minimum"));
    try (Stream<Path> jars = Files.list(minimum)) {
      List<String> added = jars.map(Path::toString).sorted().toList();
      assertThat(added).as("jars in " + minimum).hasSize(5);
      entries.addAll(added);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
