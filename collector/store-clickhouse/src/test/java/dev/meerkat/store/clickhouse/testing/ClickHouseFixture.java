package dev.meerkat.store.clickhouse.testing;

import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real ClickHouse server per test JVM, shared by all test classes: an {@link
 * EmbeddedClickHouse} on free ports in a temporary directory, or the server named by {@code
 * MEERKAT_TEST_CLICKHOUSE_URL}. Each caller gets its own fresh database, so tests never see each
 * other's rows. The embedded server stops, and its directory is deleted, when the JVM exits.
 *
 * <pre>{@code
 * private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
 * try (ClickHouseStore store = clickHouse.newDatabase()) { ... }
 * }</pre>
 */
public final class ClickHouseFixture {

  private static final String URL_VARIABLE = "MEERKAT_TEST_CLICKHOUSE_URL";
  private static final AtomicInteger databaseCounter = new AtomicInteger();
  private static ClickHouseFixture shared;

  private final String url;
  private final String runId = Long.toString(ProcessHandle.current().pid());

  private ClickHouseFixture(String url) {
    this.url = url;
  }

  /** The JVM-wide fixture, starting the embedded server on first use. */
  public static synchronized ClickHouseFixture shared() {
    if (shared == null) {
      String external = System.getenv(URL_VARIABLE);
      shared = new ClickHouseFixture(external != null ? external : startEmbedded());
    }
    return shared;
  }

  /** The server's HTTP URL. */
  public String url() {
    return url;
  }

  /** A config for a new, not yet created, uniquely named database on the shared server. */
  public ClickHouseConfig newDatabaseConfig() {
    String database = "test_" + runId + "_" + databaseCounter.incrementAndGet();
    return ClickHouseConfig.create(url).withDatabase(database);
  }

  /** A store on a fresh database with all migrations applied. The caller closes it. */
  public ClickHouseStore newDatabase() {
    ClickHouseStore store = ClickHouseStore.connect(newDatabaseConfig());
    SchemaMigrator.create(store).migrate();
    return store;
  }

  /** A store on a fresh database that does not exist yet (for migration tests). */
  public ClickHouseStore newEmptyDatabase() {
    return ClickHouseStore.connect(newDatabaseConfig());
  }

  /** A free TCP port on 127.0.0.1 (free now; a small race remains until it is bound). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String startEmbedded() {
    try {
      Path directory = Files.createTempDirectory("meerkat-clickhouse-test");
      EmbeddedClickHouse server = EmbeddedClickHouse.start(directory, freePort(), freePort());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    deleteRecursively(directory);
                  },
                  "meerkat-clickhouse-fixture-cleanup"));
      return server.url();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temp directory must not fail the build.
    }
  }
}
