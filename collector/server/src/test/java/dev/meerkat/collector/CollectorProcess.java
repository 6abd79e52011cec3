package dev.meerkat.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A collector running as a child JVM ({@link CollectorMain} on this test's class path), so a test
 * can kill it with SIGKILL ({@link Process#destroyForcibly()}) like a crash.
 */
final class CollectorProcess {

  private static final List<Pattern> SPOOL_ITEMS =
      Stream.of("spans", "metric_points", "logs")
          .map(
              signal ->
                  Pattern.compile(
                      "\"" + signal + "\":\\{\"enabled\":true,[^}]*\"pendingItems\":(\\d+)"))
          .toList();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int otlpPort;
  private final int adminPort;

  private CollectorProcess(Process process, int otlpPort, int adminPort) {
    this.process = process;
    this.otlpPort = otlpPort;
    this.adminPort = adminPort;
  }

  /** Starts a collector on the given ports and waits until {@code /health} answers. */
  static CollectorProcess start(
      Map<String, String> environment, int otlpPort, int adminPort, Path log) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CollectorMain.class.getName()));
    builder.environment().putAll(environment);
    builder.environment().put("MEERKAT_OTLP_HTTP_PORT", Integer.toString(otlpPort));
    builder.environment().put("MEERKAT_ADMIN_PORT", Integer.toString(adminPort));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      CollectorProcess collector = new CollectorProcess(builder.start(), otlpPort, adminPort);
      collector.awaitHealth();
      return collector;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int otlpPort() {
    return otlpPort;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM and wait: the graceful shutdown. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  String health() {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/health"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Spans acknowledged and not yet stored, as {@code /health} reports; -1 when unreadable. */
  /** Items waiting in the three signals' spools, -1 when {@code /health} does not say. */
  long spooledItems() {
    String health = health();
    long items = 0;
    for (Pattern pattern : SPOOL_ITEMS) {
      Matcher matcher = pattern.matcher(health);
      if (!matcher.find()) {
        return -1;
      }
      items += Long.parseLong(matcher.group(1));
    }
    return items;
  }

  /** Polls until every signal's spool is empty (with a deadline, failing the test past it). */
  void awaitSpoolDrained(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (spooledItems() != 0) {
      if (System.nanoTime() > end) {
        throw new AssertionError("spool not drained within " + deadline + ": " + health());
      }
      Thread.onSpinWait();
    }
  }

  /** Removes a test's temporary directory; best effort. */
  static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory must not fail the test.
    }
  }

  private void awaitHealth() {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!health().startsWith("{\"status\"")) {
      if (!process.isAlive()) {
        throw new IllegalStateException("collector exited with " + process.exitValue());
      }
      if (System.nanoTime() > end) {
        process.destroyForcibly();
        throw new IllegalStateException("collector did not answer /health within 90 s");
      }
      Thread.onSpinWait();
    }
  }
}
