package dev.meerkat.clickhouse.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClickHouseIT {

  @TempDir Path dataDir;

  @Test
  void refusesABusyPortWithAClearMessage() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();

      assertThatThrownBy(() -> EmbeddedClickHouse.start(dataDir, port, freePort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Cannot start embedded ClickHouse: its HTTP port "
                  + port
                  + " on 127.0.0.1 is already in use (another ClickHouse?). Choose another port"
                  + " or set MEERKAT_CLICKHOUSE_URL to use the running server.");
    }
  }

  @Test
  void listensOnLoopbackOnly() {
    InetAddress external = nonLoopbackAddress();
    int httpPort = freePort();
    int tcpPort = freePort();
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort)) {
      assertThat(query(server, "SELECT 1")).isEqualTo("1\n");
      assertThat(accepts(InetAddress.getLoopbackAddress(), httpPort)).isTrue();
      assertThat(accepts(InetAddress.getLoopbackAddress(), tcpPort)).isTrue();
      assertThat(accepts(external, httpPort)).as("HTTP port on %s", external).isFalse();
      assertThat(accepts(external, tcpPort)).as("TCP port on %s", external).isFalse();
    }
  }

  private static InetAddress nonLoopbackAddress() {
    try {
      for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (network.isUp() && address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return address;
          }
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(
        "this test needs a network interface with a non-loopback IPv4 address; found none");
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void keepsDataAcrossRestarts() {
    int httpPort = freePort();
    int tcpPort = freePort();
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort)) {
      query(server, "CREATE TABLE kept (id UInt32) ENGINE = MergeTree ORDER BY id");
      query(server, "INSERT INTO kept VALUES (7)");
    }
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort)) {
      assertThat(query(server, "SELECT id FROM kept")).isEqualTo("7\n");
    }
  }

  @Test
  void stopsAServerLeftRunningOnTheSameDirectory() throws IOException {
    int httpPort = freePort();
    int tcpPort = freePort();
    // As if its JVM had been killed with kill -9: the first server is never closed.
    EmbeddedClickHouse abandoned = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort);
    long abandonedPid =
        Long.parseLong(Files.readString(dataDir.resolve(LeftoverServer.PID_FILE)).strip());
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, httpPort, tcpPort)) {
      assertThat(ProcessHandle.of(abandonedPid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(query(server, "SELECT 1")).isEqualTo("1\n");
    } finally {
      abandoned.close();
    }
  }

  @Test
  void namesTheMissingBinaryAndTheAlternatives() {
    assertThatThrownBy(
            () ->
                EmbeddedClickHouse.start(
                    dataDir, freePort(), freePort(), dataDir.resolve("no-such-clickhouse")))
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

  /** Runs {@code sql} over ClickHouse's HTTP interface and returns the body (TabSeparated). */
  private static String query(EmbeddedClickHouse server, String sql) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + "/"))
            .POST(BodyPublishers.ofString(sql))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
