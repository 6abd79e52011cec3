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
 * A child JVM with the real agent runs Redis commands with the oldest and the latest tested Jedis
 * against a real redis-server, on every test JDK: one CLIENT span per command, child of the server
 * span, with sanitized command text.
 */
class JedisIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");
  private static final Path CLIENTS = Path.of(System.getProperty("meerkat.redis.clients"));
  private static final String LATEST = System.getProperty("meerkat.jedis.latest");
  private static final String REFUSED = "ERR value is not an integer or out of range";
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
      for (String version : System.getProperty("meerkat.jedis.versions").split(",")) {
        runs.add(Arguments.of(jdk, version));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0}, jedis {1}")
  @MethodSource("jdksAndVersions")
  void tracesEachCommandAsAClientSpanOfTheRequest(Path jdk, String version) throws Exception {
    boolean latest = version.equals(LATEST);
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=jedis-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500"),
                latest ? ChildJvm.testClassPath() : classPath(version),
                JedisApp.class.getName(),
                Integer.toString(redis.port()))) {
      int port = app.awaitReadyPort(TIMEOUT);

      assertThat(get(port, "/run")).isEqualTo("alice " + REFUSED + " bob");

      int expected = 6;
      List<Span> spans =
          Poll.until(
              TIMEOUT,
              receiver::spans,
              s -> s.size() >= expected,
              () -> "spans: " + receiver.spans());
      assertThat(spans).hasSize(expected);
      List<Span> commands = RedisSpans.commandsUnder(spans);
      int redisPort = redis.port();
      List<String> texts = commands.stream().map(s -> textOf(s)).toList();
      assertThat(texts)
          .containsExactly(
              "SET user:1 ?", "GET user:1", "INCR user:1", "SET user:2 ?", "GET user:2");
      RedisSpans.assertCommand(commands.get(0), "SET user:1 ?", redisPort, null, null);
      RedisSpans.assertCommand(commands.get(1), "GET user:1", redisPort, null, null);
      RedisSpans.assertCommand(
          commands.get(2),
          "INCR user:1",
          redisPort,
          null,
          "redis.clients.jedis.exceptions.JedisDataException");
      // Pipelined: each span ends when its reply is read in sync().
      RedisSpans.assertCommand(commands.get(3), "SET user:2 ?", redisPort, null, null);
      RedisSpans.assertCommand(commands.get(4), "GET user:2", redisPort, null, null);

      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent]"))
          .isEmpty();
    }
  }

  private static String textOf(Span span) {
    return (String) OtlpReceiver.attributes(span.getAttributesList()).get("db.query.text");
  }

  private static String classPath(String version) throws Exception {
    List<String> entries = new ArrayList<>();
    entries.add(TEST_CLASSES);
    try (Stream<Path> jars = Files.list(CLIENTS.resolve("jedis-" + version))) {
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
