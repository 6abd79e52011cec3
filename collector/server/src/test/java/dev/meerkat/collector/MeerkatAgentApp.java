package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link UpstreamAgentApp} (a JDK HTTP server answering {@code GET /hello}) in a child JVM under
 * the real Meerkat agent jar, configured only by the {@code OTEL_*} variables given; metrics and
 * logs exporters off, so the one span of {@link #callHello()} is the only export.
 */
final class MeerkatAgentApp implements AutoCloseable {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int port;

  private MeerkatAgentApp(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static MeerkatAgentApp start(Path workDir, String service, Map<String, String> otel)
      throws IOException {
    Path portFile = workDir.resolve(service + ".port");
    Path log = workDir.resolve(service + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar(),
                "-cp",
                testClasses().toString(),
                UpstreamAgentApp.class.getName(),
                portFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("OTEL_") || key.startsWith("MEERKAT_"));
    environment.put("OTEL_SERVICE_NAME", service);
    environment.put("OTEL_METRICS_EXPORTER", "none");
    environment.put("OTEL_LOGS_EXPORTER", "none");
    environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
    environment.putAll(otel);
    Process process = builder.start();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    String port = read(portFile);
    while (port.isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      port = read(portFile);
    }
    if (port.isEmpty()) {
      process.destroyForcibly();
      throw new IllegalStateException("the agent app did not start; its output: " + log);
    }
    return new MeerkatAgentApp(process, log, Integer.parseInt(port));
  }

  /** One request to the app: one SERVER span. */
  void callHello() throws IOException, InterruptedException {
    HttpResponse<String> hello =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(hello.body()).isEqualTo("hello");
  }

  Path log() {
    return log;
  }

  /** SIGTERM and wait: the agent flushes what it still holds. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static Path agentJar() {
    Path jar = Path.of(System.getProperty("meerkat.agent.jar"));
    assertThat(jar).as("the Meerkat agent jar (built by the reactor first)").isRegularFile();
    return jar;
  }

  private static Path testClasses() {
    try {
      return Path.of(
          UpstreamAgentApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
