package dev.meerkat.agent.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.RedisServer;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A child JVM with the real agent runs sync and async Lettuce commands against a real redis-server,
 * on every test JDK: one CLIENT span per command, child of the server span, with the database index
 * and sanitized command text; the refused command is marked failed.
 */
class LettuceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Path CLIENTS = Path.of(System.getProperty("meerkat.redis.clients"));
  private static RedisServer redis;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  static Stream<Arguments> jdksAndVersions() {
    List<Arguments> runs = new ArrayList<>();
    for (Path jdk : TestJdks.homes()) {
      for (String version : System.getProperty("meerkat.lettuce.versions").split(",")) {
        runs.add(Arguments.of(jdk, version));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0}, lettuce {1}")
  @MethodSource("jdksAndVersions")
  void tracesSyncAndAsyncCommandsAsClientSpansOfTheRequest(Path jdk, String version)
      throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=lettuce-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500",
                    // Netty 4.1 would warn on stderr that JDK 24+ deprecates sun.misc.Unsafe.
                    "-Dio.netty.noUnsafe=true"),
                classPath(version),
                LettuceApp.class.getName(),
                Integer.toString(redis.port()))) {
      int port = app.awaitReadyPort(TIMEOUT);

      assertThat(get(port, "/run"))
          .isEqualTo("alice ERR value is not an integer or out of range bob");

      boolean latest = version.equals(System.getProperty("meerkat.lettuce.latest"));
      // 5.x selects the URI's database through its own async API while connecting: one more
      // span, a root of its own.
      int expected = latest ? 6 : 7;
      List<Span> spans =
          Poll.until(
              TIMEOUT,
              receiver::spans,
              s -> s.size() >= expected,
              () -> "spans: " + receiver.spans());
      assertThat(spans).hasSize(expected);
      int redisPort = redis.port();
      List<Span> selects = spans.stream().filter(s -> s.getName().equals("SELECT")).toList();
      assertThat(selects).hasSize(latest ? 0 : 1);
      for (Span select : selects) {
        assertThat(select.getParentSpanId().isEmpty()).isTrue();
        RedisSpans.assertCommand(select, "SELECT ?", redisPort, "1", null);
      }
      List<Span> commands =
          RedisSpans.commandsUnder(spans.stream().filter(s -> !selects.contains(s)).toList());
      assertThat(commands).hasSize(5);
      RedisSpans.assertCommand(commands.get(0), "SET user:1 ?", redisPort, "1", null);
      RedisSpans.assertCommand(commands.get(1), "GET user:1", redisPort, "1", null);
      RedisSpans.assertCommand(
          commands.get(2),
          "INCR user:1",
          redisPort,
          "1",
          "io.lettuce.core.RedisCommandExecutionException");
      RedisSpans.assertCommand(commands.get(3), "SET user:2 ?", redisPort, "1", null);
      RedisSpans.assertCommand(commands.get(4), "GET user:2", redisPort, "1", null);

      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent]"))
          .isEmpty();
    }
  }

  /** The test class path, with the older Lettuce instead of the latest for that version. */
  private static String classPath(String version) throws Exception {
    String testClassPath = ChildJvm.testClassPath();
    if (version.equals(System.getProperty("meerkat.lettuce.latest"))) {
      return testClassPath;
    }
    List<String> entries = new ArrayList<>();
    for (String entry : testClassPath.split(File.pathSeparator)) {
      if (!Path.of(entry).getFileName().toString().startsWith("lettuce-core-")) {
        entries.add(entry);
      }
    }
    try (Stream<Path> jars = Files.list(CLIENTS.resolve("lettuce-" + version))) {
      jars.sorted().forEach(jar -> entries.add(jar.toString()));
    }
    return String.join(File.pathSeparator, entries);
  }

  private String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
