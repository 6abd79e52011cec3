package dev.meerkat.clickhouse.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private ClickHouse server process with its data under one directory, listening on 127.0.0.1
 * only. Existing data in the directory is reused, so a second start is fast and keeps what was
 * stored. Stopped with SIGTERM by {@link #close()} or, failing that, by a JVM shutdown hook; a
 * server that outlived its JVM (kill -9) is stopped by the next start on the same directory.
 */
public final class EmbeddedClickHouse implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(EmbeddedClickHouse.class);
  private static final Duration START_DEADLINE = Duration.ofSeconds(60);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);

  private final Process process;
  private final Path dataDir;
  private final String url;
  private final Thread shutdownHook;

  private EmbeddedClickHouse(Process process, Path dataDir, int httpPort) {
    this.process = process;
    this.dataDir = dataDir;
    this.url = "http://127.0.0.1:" + httpPort;
    this.shutdownHook = new Thread(this::stop, "meerkat-clickhouse-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server with the binary found as described in {@link #start(Path, int, int, Path)}. */
  public static EmbeddedClickHouse start(Path dataDir, int httpPort, int tcpPort) {
    String explicit = System.getenv(ClickHouseBinary.BINARY_VARIABLE);
    return start(dataDir, httpPort, tcpPort, explicit == null ? null : Path.of(explicit));
  }

  /**
   * Starts a server that knows {@code cluster} (in its {@code remote_servers}), with the binary
   * found as described in {@link #start(Path, int, int, Path)}: one server of a local test cluster.
   */
  public static EmbeddedClickHouse start(
      Path dataDir, int httpPort, int tcpPort, LocalCluster cluster) {
    String explicit = System.getenv(ClickHouseBinary.BINARY_VARIABLE);
    return start(dataDir, httpPort, tcpPort, explicit == null ? null : Path.of(explicit), cluster);
  }

  /**
   * Starts a server and waits until it answers {@code SELECT 1}.
   *
   * @param binary the server executable, or null to use {@code /usr/sbin/clickhouse-server} or
   *     {@code clickhouse-server}/{@code clickhouse} on the PATH
   * @throws IllegalStateException when a port is busy, no binary is found, or the server does not
   *     come up (the message holds the tail of its error log)
   */
  public static EmbeddedClickHouse start(Path dataDir, int httpPort, int tcpPort, Path binary) {
    return start(dataDir, httpPort, tcpPort, binary, null);
  }

  private static EmbeddedClickHouse start(
      Path dataDir, int httpPort, int tcpPort, Path binary, LocalCluster cluster) {
    Path root = dataDir.toAbsolutePath();
    LeftoverServer.stopIfRunning(root, EmbeddedClickHouseConfigFiles.configFile(root));
    requireFree(httpPort, "HTTP");
    requireFree(tcpPort, "TCP");
    Path executable = ClickHouseBinary.locate(binary, System.getenv());
    long started = System.nanoTime();
    Process process;
    try {
      Path config = EmbeddedClickHouseConfigFiles.write(root, httpPort, tcpPort, cluster);
      ProcessBuilder builder = new ProcessBuilder(ClickHouseBinary.command(executable, config));
      builder.directory(root.toFile());
      builder.redirectErrorStream(true);
      builder.redirectOutput(root.resolve("log/stdout.log").toFile());
      process = builder.start();
      LeftoverServer.record(root, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + executable + " in " + root, e);
    }
    EmbeddedClickHouse server = new EmbeddedClickHouse(process, root, httpPort);
    server.awaitReady(executable);
    logger.info(
        "Embedded ClickHouse ({}) ready at {} with data in {} after {} ms",
        executable,
        server.url,
        root,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return server;
  }

  /** The server's HTTP URL, for example {@code http://127.0.0.1:18123}. */
  public String url() {
    return url;
  }

  public Path dataDir() {
    return dataDir;
  }

  private void awaitReady(Path executable) {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    try {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              executable
                  + " exited with status "
                  + process.exitValue()
                  + " during start. "
                  + logTail());
        }
        if (answersSelectOne(client)) {
          return;
        }
        pause(Duration.ofMillis(50));
      }
      stop();
      throw new IllegalStateException(
          executable
              + " did not answer SELECT 1 at "
              + url
              + " within "
              + START_DEADLINE
              + ". "
              + logTail());
    } catch (RuntimeException e) {
      stop();
      throw e;
    } finally {
      client.close();
    }
  }

  /** Plain JDK HTTP: the launcher knows nothing of the store's client. */
  private boolean answersSelectOne(HttpClient client) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/?query=SELECT%201"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try {
      HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
      return response.statusCode() == 200 && "1".equals(response.body().strip());
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for ClickHouse to start", e);
    }
  }

  private String logTail() {
    for (String name : new String[] {"log/clickhouse-server.err.log", "log/stdout.log"}) {
      Path log = dataDir.resolve(name);
      try {
        if (Files.exists(log) && Files.size(log) > 0) {
          List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
          return "Last lines of "
              + log
              + ":\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
      } catch (IOException e) {
        return "(cannot read " + log + ": " + e + ")";
      }
    }
    return "(no server log written under " + dataDir.resolve("log") + ")";
  }

  private static void requireFree(int port, String purpose) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      // Free: closing it again releases the port for ClickHouse.
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start embedded ClickHouse: its "
              + purpose
              + " port "
              + port
              + " on 127.0.0.1 is already in use (another ClickHouse?). Choose another port or"
              + " set MEERKAT_CLICKHOUSE_URL to use the running server.",
          e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for ClickHouse to start", e);
    }
  }

  /** Stops the server (SIGTERM, then waits; SIGKILL only if it does not stop in time). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or will run; stopping twice is harmless.
    }
    stop();
  }

  private synchronized void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        logger.warn("ClickHouse did not stop within {}; killing it", STOP_DEADLINE);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
