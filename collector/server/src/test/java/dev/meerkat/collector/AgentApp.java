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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link UpstreamAgentApp} (a JDK HTTP server answering {@code GET /hello}) in a child JVM under a
 * real agent jar (the Meerkat agent, or the upstream OpenTelemetry one), configured only by the
 * {@code OTEL_*} variables given.
 */
final class AgentApp implements AutoCloseable {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int port;

  private AgentApp(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the app under the Meerkat agent with its metrics and logs exporters off, so the one span
   * of {@link #callHello()} is its only export.
   */
  static AgentApp startWithMeerkatAgent(Path workDir, String service, Map<String, String> otel)
      throws IOException {
    Map<String, String> tracesOnly = new HashMap<>(otel);
    tracesOnly.put("OTEL_METRICS_EXPORTER", "none");
    tracesOnly.put("OTEL_LOGS_EXPORTER", "none");
    return start(jar("meerkat.agent.jar"), workDir, service, tracesOnly);
  }

  /** Starts the app under {@code agentJar}, waiting until it listens. */
  static AgentApp start(Path agentJar, Path workDir, String service, Map<String, String> otel)
      throws IOException {
    Path portFile = workDir.resolve(service + ".port");
    Path log = workDir.resolve(service + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar,
                "-cp",
                testClasses().toString(),
                UpstreamAgentApp.class.getName(),
                portFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("OTEL_") || key.startsWith("MEERKAT_"));
    environment.put("OTEL_SERVICE_NAME", service);
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
    return new AgentApp(process, log, Integer.parseInt(port));
  }

  /** One request to the app: one SERVER span (and a log line). */
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

  /** The agent jar the build names in system property {@code property}. */
  static Path jar(String property) {
    Path jar = Path.of(System.getProperty(property));
    assertThat(jar).as("%s (the build puts it there first)", property).isRegularFile();
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
