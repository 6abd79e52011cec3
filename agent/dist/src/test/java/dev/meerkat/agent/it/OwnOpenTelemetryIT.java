package dev.meerkat.agent.it;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An application's own (unrelocated) OpenTelemetry and the agent's relocated copy coexist. */
class OwnOpenTelemetryIT {
  private static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void applicationKeepsItsOwnOpenTelemetryAndIsStillTraced(Path jdk) throws Exception {
    // The test class path holds the plain OpenTelemetry jars (the agent's build dependencies).
    String openTelemetryJars =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> e.contains("opentelemetry-") && !e.contains("opentelemetry-proto"))
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(openTelemetryJars).contains("opentelemetry-sdk-common");
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100"),
                ChildJvm.classPath(TEST_CLASSES, openTelemetryJars),
                OwnOpenTelemetryApp.class.getName())) {
      int port =
          Integer.parseInt(app.awaitStdout(l -> l.startsWith("READY "), TIMEOUT).substring(6));
      assertThat(app.stdout()).contains("OWN-OTEL loader=app valid=true sdk=java");

      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/back/x")).build();
      assertThat(
              HttpClient.newHttpClient()
                  .send(request, HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(200);

      List<Span> spans =
          Poll.until(TIMEOUT, receiver::spans, s -> !s.isEmpty(), () -> "no span exported");
      assertThat(spans).extracting(Span::getName).containsExactly("GET /back");
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          .isEmpty();
    }
  }
}
