package dev.meerkat.e2e;

import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The collector jar and the three demo services with the agent attached (checkout and inventory
 * from the plain-JDK demo jar, owners from the Spring Boot one), each a separate JVM on free
 * loopback ports, started in data-flow order and stopped in reverse.
 */
final class MeerkatStack implements AutoCloseable {
  private final List<ChildProcess> processes = new ArrayList<>();
  private final int otlpPort = ClickHouseFixture.freePort();
  private final int adminPort = ClickHouseFixture.freePort();
  private final int inventoryPort = ClickHouseFixture.freePort();
  private final int checkoutPort = ClickHouseFixture.freePort();
  private final int ownersPort = ClickHouseFixture.freePort();

  static MeerkatStack start(String clickHouseUrl, String database, Path work) throws Exception {
    MeerkatStack stack = new MeerkatStack();
    try {
      stack.startAll(clickHouseUrl, database, work);
      return stack;
    } catch (Exception | AssertionError e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(String clickHouseUrl, String database, Path work) throws Exception {
    ChildProcess collector =
        start(
            ChildProcess.startJava(
                "collector",
                work,
                Map.of(
                    "MEERKAT_CLICKHOUSE_URL",
                    clickHouseUrl,
                    "MEERKAT_CLICKHOUSE_DATABASE",
                    database,
                    "MEERKAT_OTLP_HTTP_PORT",
                    Integer.toString(otlpPort),
                    // Any free port: 4317 may be taken on a shared machine; the stack uses HTTP.
                    "MEERKAT_OTLP_GRPC_PORT",
                    "0",
                    "MEERKAT_ADMIN_PORT",
                    Integer.toString(adminPort),
                    "MEERKAT_DATA_DIR",
                    work.resolve("data").toString()),
                "-Xmx256m",
                "-jar",
                jar("meerkat.collector.jar")));
    awaitHttp(collector, adminUrl() + "/health");

    ChildProcess inventory =
        start(demoService("inventory", work, "dev.meerkat.demo.InventoryService", inventoryPort));
    ChildProcess checkout =
        start(
            demoService(
                "checkout",
                work,
                "dev.meerkat.demo.CheckoutService",
                checkoutPort,
                inventoryUrl()));
    // Every call to its visits endpoint fails (500), so the tests can count on one.
    ChildProcess owners =
        start(
            ChildProcess.startJava(
                "owners",
                work,
                otelEnvironment("owners"),
                "-Xmx192m",
                // C1 only: Spring Boot starts faster on a busy machine, and the test needs no C2.
                "-XX:TieredStopAtLevel=1",
                "-javaagent:" + jar("meerkat.agent.jar"),
                "-jar",
                jar("meerkat.demo.spring.jar"),
                "--server.port=" + ownersPort,
                "--owners.inventory-url=" + inventoryUrl(),
                "--owners.visits.error-rate=1"));
    // Readiness by TCP connect: an HTTP probe would itself produce traces the tests count. Spring
    // Boot's Tomcat opens its port once the application has started (the database is seeded).
    awaitPort(inventory, inventoryPort);
    awaitPort(checkout, checkoutPort);
    awaitPort(owners, ownersPort);
  }

  private ChildProcess demoService(
      String name, Path work, String mainClass, int port, String... extraArgs) throws Exception {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-Xmx128m",
            "-javaagent:" + jar("meerkat.agent.jar"),
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            jar("meerkat.demo.jar"),
            mainClass,
            Integer.toString(port)));
    args.addAll(List.of(extraArgs));
    return ChildProcess.startJava(name, work, otelEnvironment(name), args.toArray(String[]::new));
  }

  private Map<String, String> otelEnvironment(String serviceName) {
    return Map.of(
        "OTEL_SERVICE_NAME",
        serviceName,
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "http://127.0.0.1:" + otlpPort,
        "OTEL_METRIC_EXPORT_INTERVAL",
        "1000",
        "OTEL_BSP_SCHEDULE_DELAY",
        "200");
  }

  private ChildProcess start(ChildProcess process) {
    processes.add(process);
    return process;
  }

  private static void awaitHttp(ChildProcess process, String url) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Poll.until(
        Duration.ofSeconds(90),
        process + " to answer " + url,
        () -> {
          process.requireAlive();
          try {
            HttpResponse<Void> response =
                client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500 ? response : null;
          } catch (java.io.IOException e) {
            return null;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  private static void awaitPort(ChildProcess process, int port) throws InterruptedException {
    Poll.until(
        Duration.ofSeconds(90),
        process + " to listen on port " + port,
        () -> {
          process.requireAlive();
          try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return socket;
          } catch (java.io.IOException e) {
            return null;
          }
        });
  }

  private static String jar(String property) {
    String path = System.getProperty(property);
    if (path == null || !Path.of(path).toFile().isFile()) {
      throw new IllegalStateException(
          "system property "
              + property
              + " must name a built jar, got "
              + path
              + " (run through ./mvnw verify, which builds it first)");
    }
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  /** The agent's WARN and ERROR lines in every process's output so far. */
  List<String> agentWarningsAndErrors() {
    List<String> lines = new ArrayList<>();
    for (ChildProcess process : processes) {
      process
          .output()
          .lines()
          .filter(
              line ->
                  line.startsWith("[meerkat-agent] WARN")
                      || line.startsWith("[meerkat-agent] ERROR"))
          .forEach(line -> lines.add(process + ": " + line));
    }
    return lines;
  }

  String adminUrl() {
    return "http://127.0.0.1:" + adminPort;
  }

  String inventoryUrl() {
    return "http://127.0.0.1:" + inventoryPort;
  }

  String checkoutUrl() {
    return "http://127.0.0.1:" + checkoutPort;
  }

  String ownersUrl() {
    return "http://127.0.0.1:" + ownersPort;
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
