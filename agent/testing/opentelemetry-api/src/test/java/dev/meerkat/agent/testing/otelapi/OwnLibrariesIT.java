package dev.meerkat.agent.testing.otelapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.manual.OwnLibrariesApp;
import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing the agent bundles is visible to the application: an application with its own Byte Buddy
 * (1.14), OkHttp (4.12, with Okio and Kotlin) and protobuf (3.25), older than the agent's relocated
 * copies, gets its own versions from its own class loader and uses them while it is traced.
 */
class OwnLibrariesIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void applicationUsesItsOwnByteBuddyOkHttpAndProtobufWhileTraced(Path jdk) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metrics.exporter=none",
                    "-Dsun.net.httpserver.nodelay=true"),
                AppLibs.classPath("own"),
                OwnLibrariesApp.class.getName())) {
      int port = app.awaitReadyPort(TIMEOUT);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/use"))
              .timeout(TIMEOUT)
              .build();
      assertThat(
              HttpClient.newHttpClient()
                  .send(request, HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(200);
      // The app prints before it answers, but stdout reaches the test on a pump thread: wait for
      // it.
      app.awaitStdout(l -> l.startsWith("USED "), TIMEOUT);
      assertThat(app.stdout())
          .containsExactly(
              "READY " + port,
              "USED byte-buddy-1.14.18.jar@app okhttp-4.12.0.jar@app protobuf-java-3.25.5.jar@app"
                  + " results=made by byte buddy,leaf,v");

      // Traced all the same, the application's own OkHttp included: /use -> OkHttp GET -> /leaf.
      List<Span> spans =
          Poll.until(
              TIMEOUT, receiver::spans, s -> s.size() >= 3, () -> "spans: " + receiver.spans());
      Spans traced = new Spans(spans);
      assertThat(traced.names()).containsExactly("GET", "GET /leaf", "GET /use");
      assertThat(traced.named("GET").getKind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
      assertThat(Spans.parentId(traced.named("GET")))
          .isEqualTo(Spans.spanId(traced.named("GET /use")));
      assertThat(Spans.parentId(traced.named("GET /leaf")))
          .isEqualTo(Spans.spanId(traced.named("GET")));
      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          .filteredOn(l -> !isOwnProtobufUnsafeNotice(l))
          .isEmpty();
    }
  }

  /**
   * JDK 24+ warns once that the application's protobuf 3.25 uses sun.misc.Unsafe: the application's
   * own doing, printed with or without the agent.
   */
  private static boolean isOwnProtobufUnsafeNotice(String line) {
    return line.equals("WARNING: A terminally deprecated method in sun.misc.Unsafe has been called")
        || line.startsWith(
                "WARNING: sun.misc.Unsafe::arrayBaseOffset has been called by"
                    + " com.google.protobuf.UnsafeUtil$MemoryAccessor (file:")
            && line.endsWith("/own/protobuf-java-3.25.5.jar)")
        || line.equals(
            "WARNING: Please consider reporting this to the maintainers of class"
                + " com.google.protobuf.UnsafeUtil$MemoryAccessor")
        || line.equals(
            "WARNING: sun.misc.Unsafe::arrayBaseOffset will be removed in a future release");
  }
}
