package dev.meerkat.dashboard.testing;

import dev.meerkat.agent.testing.Poll;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The collector as users run it: its runnable jar (system property {@code meerkat.collector.jar},
 * built by the reactor) in a separate JVM, writing to the given ClickHouse database, with its
 * OTLP/HTTP receiver on a free loopback port. Stopped (SIGTERM, then kill) on close.
 */
public final class CollectorProcess implements AutoCloseable {

  public static final String PROTOBUF = "application/x-protobuf";
  public static final String JSON = "application/json";

  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final Process process;
  private final Path output;
  private final int otlpPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private CollectorProcess(Process process, Path output, int otlpPort) {
    this.process = process;
    this.output = output;
    this.otlpPort = otlpPort;
  }

  /** Starts the collector and returns once its admin port answers {@code /health}. */
  public static CollectorProcess start(ClickHouseConfig database, Path work) throws IOException {
    int otlpPort = ClickHouseFixture.freePort();
    int adminPort = ClickHouseFixture.freePort();
    Files.createDirectories(work);
    Path output = work.resolve("collector.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-jar",
                    collectorJar()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    // Only the settings below: nothing inherited from whoever runs the build.
    builder.environment().keySet().removeIf(k -> k.startsWith("MEERKAT_") || k.startsWith("OTEL_"));
    builder.environment().put("MEERKAT_CLICKHOUSE_URL", database.url());
    builder.environment().put("MEERKAT_CLICKHOUSE_DATABASE", database.database());
    builder.environment().put("MEERKAT_OTLP_HTTP_PORT", Integer.toString(otlpPort));
    // Any free port: 4317 may be taken on a shared machine; the tests use OTLP/HTTP.
    builder.environment().put("MEERKAT_OTLP_GRPC_PORT", "0");
    builder.environment().put("MEERKAT_ADMIN_PORT", Integer.toString(adminPort));
    builder.environment().put("MEERKAT_FLUSH_INTERVAL_MS", "200");
    builder.environment().put("MEERKAT_DATA_DIR", work.resolve("data").toString());
    CollectorProcess collector = new CollectorProcess(builder.start(), output, otlpPort);
    try {
      collector.awaitHealthy(adminPort);
      return collector;
    } catch (RuntimeException | AssertionError e) {
      collector.close();
      throw e;
    }
  }

  /** The OTLP/HTTP base URL, for {@code otel.exporter.otlp.endpoint}. */
  public String otlpEndpoint() {
    return "http://127.0.0.1:" + otlpPort;
  }

  /**
   * POSTs one OTLP export to the receiver, e.g. {@code post("/v1/traces", PROTOBUF, bytes)}.
   *
   * @param contentType {@link #PROTOBUF} or {@link #JSON}
   */
  public HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otlpPort + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy(int adminPort) {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/health")).build();
    Poll.until(
        START_DEADLINE,
        () -> {
          requireAlive();
          try {
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
          } catch (IOException e) {
            return 0; // not listening yet
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        },
        status -> status == 200,
        () -> "the collector to answer /health; its output:\n" + output());
  }

  private void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the collector exited with " + process.exitValue() + "; its output:\n" + output());
    }
  }

  private String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(could not read " + output + ": " + e + ")";
    }
  }

  private static String collectorJar() {
    String path = System.getProperty("meerkat.collector.jar");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(
          "system property meerkat.collector.jar must name the built collector jar, got "
              + path
              + " (run the test through ./mvnw -pl dashboard -am verify, which builds it first)");
    }
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
