package dev.meerkat.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.testing.ClickHouseFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClickHouseIT {

  @TempDir Path dataDir;

  @Test
  void refusesABusyPortWithAClearMessage() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();

      assertThatThrownBy(
              () -> EmbeddedClickHouse.start(dataDir, port, ClickHouseFixture.freePort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Cannot start embedded ClickHouse: its HTTP port "
                  + port
                  + " on 127.0.0.1 is already in use (another ClickHouse?). Choose another port"
                  + " or set MEERKAT_CLICKHOUSE_URL to use the running server.");
    }
  }

  @Test
  void keepsDataAcrossRestarts() {
    int httpPort = ClickHouseFixture.freePort();
    int tcpPort = ClickHouseFixture.freePort();
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort);
        ClickHouseStore store = ClickHouseStore.connect(ClickHouseConfig.create(server.url()))) {
      store.createDatabaseIfMissing();
      store.execute("CREATE TABLE kept (id UInt32) ENGINE = MergeTree ORDER BY id");
      store.execute("INSERT INTO kept VALUES (7)");
    }
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort);
        ClickHouseStore store = ClickHouseStore.connect(ClickHouseConfig.create(server.url()))) {
      assertThat(store.query("SELECT id FROM kept"))
          .extracting(r -> r.longValue("id"))
          .containsExactly(7L);
      assertThat(store.ping(Duration.ofSeconds(2))).isTrue();
    }
  }

  @Test
  void stopsAServerLeftRunningOnTheSameDirectory() throws IOException {
    int httpPort = ClickHouseFixture.freePort();
    int tcpPort = ClickHouseFixture.freePort();
    // As if its JVM had been killed with kill -9: the first server is never closed.
    EmbeddedClickHouse abandoned = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort);
    long abandonedPid =
        Long.parseLong(Files.readString(dataDir.resolve(LeftoverServer.PID_FILE)).strip());
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort);
        ClickHouseStore store = ClickHouseStore.connect(ClickHouseConfig.create(server.url()))) {
      assertThat(ProcessHandle.of(abandonedPid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(store.ping(Duration.ofSeconds(2))).isTrue();
    } finally {
      abandoned.close();
    }
  }

  @Test
  void namesTheMissingBinaryAndTheAlternatives() {
    assertThatThrownBy(
            () ->
                EmbeddedClickHouse.start(
                    dataDir,
                    ClickHouseFixture.freePort(),
                    ClickHouseFixture.freePort(),
                    dataDir.resolve("no-such-clickhouse")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not executable");
    assertThatThrownBy(
            () ->
                ClickHouseBinary.locate(
                    null, Map.of("PATH", "/nowhere"), dataDir.resolve("clickhouse-server")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "No ClickHouse server binary found (looked for "
                + dataDir.resolve("clickhouse-server")
                + ", clickhouse-server and clickhouse on the PATH). Install it with `apt-get"
                + " install clickhouse-server`, set MEERKAT_CLICKHOUSE_BINARY to its path, or set"
                + " MEERKAT_CLICKHOUSE_URL to use an existing ClickHouse server.");
  }
}
