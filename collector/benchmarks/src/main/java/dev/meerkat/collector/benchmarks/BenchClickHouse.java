package dev.meerkat.collector.benchmarks;

import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The harnesses' ClickHouse tools, through the project's own code.
 *
 * <ul>
 *   <li>{@code serve <dataDir> <httpPort> <tcpPort>}: starts a private server ({@link
 *       EmbeddedClickHouse}), prints {@code ready <url>} and stops it when stdin closes.
 *   <li>{@code migrate <url> <database>}: creates a database with the collector's migrations.
 * </ul>
 */
public final class BenchClickHouse {

  private BenchClickHouse() {}

  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "serve" -> serve(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "migrate" -> migrate(args[1], args[2]);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void serve(Path dataDir, int httpPort, int tcpPort) throws IOException {
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort)) {
      System.out.println("ready " + server.url());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Runs until the harness closes stdin (or dies, which closes it too).
      }
    }
  }

  private static void migrate(String url, String database) {
    try (ClickHouseStore store =
        ClickHouseStore.connect(ClickHouseConfig.create(url).withDatabase(database))) {
      SchemaMigrator.create(store).migrate();
    }
  }
}
