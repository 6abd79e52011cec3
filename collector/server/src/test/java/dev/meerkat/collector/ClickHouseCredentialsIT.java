package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A ClickHouse password reaches ClickHouse and nothing else: not the configuration's text, not a
 * log line, not the error when ClickHouse refuses it.
 */
class ClickHouseCredentialsIT {

  private static final String PASSWORD = "pw-never-logged-4c1e9a";
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void aRefusedPasswordFailsTheStartWithoutAppearingInLogsOrErrors() {
    CollectorConfig config =
        TestCollectorConfig.with(
            clickHouse.url(),
            clickHouse.newDatabaseConfig().database(),
            dataDir,
            // The fixture's default user has no password, so ClickHouse refuses this one.
            Map.of("MEERKAT_CLICKHOUSE_USER", "default", "MEERKAT_CLICKHOUSE_PASSWORD", PASSWORD));
    ListAppender<ILoggingEvent> log = captureRootLog();
    Throwable failure;
    try {
      failure = catchThrowable(() -> Collector.start(config).close());
    } finally {
      ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    assertThat(config.clickHousePassword()).isEqualTo(PASSWORD);
    // ClickHouse got the password (and refused it): the credentials do reach it.
    assertThat(failure)
        .hasMessage(
            "ClickHouse answered HTTP 401: Code: 193, e.displayText() = DB::Exception: Wrong"
                + " password for user default, e.what() = DB::Exception");
    assertThat(stackTrace(failure)).doesNotContain(PASSWORD);
    assertThat(config.toString()).doesNotContain(PASSWORD);
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .isNotEmpty()
        .noneMatch(line -> line.contains(PASSWORD));
    assertThat(log.list)
        .filteredOn(event -> event.getThrowableProxy() != null)
        .extracting(event -> ThrowableProxyUtil.asString(event.getThrowableProxy()))
        .noneMatch(trace -> trace.contains(PASSWORD));
  }

  @Test
  void aPasswordProtectedUserStoresSpansAndItsPasswordIsInNoLogLineOrHealthAnswer()
      throws Exception {
    try (EmbeddedClickHouse server =
        EmbeddedClickHouse.start(
            dataDir.resolve("clickhouse"),
            ClickHouseFixture.freePort(),
            ClickHouseFixture.freePort())) {
      addUser(server, "meerkat", PASSWORD);
      CollectorConfig config =
          TestCollectorConfig.with(
              server.url(),
              "meerkat",
              dataDir.resolve("collector"),
              Map.of(
                  "MEERKAT_CLICKHOUSE_USER", "meerkat", "MEERKAT_CLICKHOUSE_PASSWORD", PASSWORD));
      ListAppender<ILoggingEvent> log = captureRootLog();
      String health;
      try (Collector collector = Collector.start(config)) {
        HttpResponse<String> sent =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + collector.otlpHttpPort() + "/v1/traces"))
                    .header("Content-Type", "application/x-protobuf")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            OtlpRequests.traces(
                                    "with-password", OtlpRequests.serverError("ddddddddddddddd1"))
                                .toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        health =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + collector.adminPort() + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
      } finally {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
      }

      try (ClickHouseStore store =
          ClickHouseStore.connect(
              new ClickHouseConfig(server.url(), "meerkat", "meerkat", PASSWORD))) {
        assertThat(
                store
                    .query("SELECT count() AS n FROM spans WHERE service_name = 'with-password'")
                    .get(0)
                    .longValue("n"))
            .isEqualTo(1);
      }
      assertThat(health).startsWith("{\"status\":\"UP\"").doesNotContain(PASSWORD);
      assertThat(log.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .isNotEmpty()
          .noneMatch(line -> line.contains(PASSWORD));
    }
  }

  /** Adds a user with a password to the server's users.xml; ClickHouse reloads it by itself. */
  private static void addUser(EmbeddedClickHouse server, String user, String password)
      throws Exception {
    Path users = server.dataDir().toAbsolutePath().resolve("users.xml");
    String xml =
        Files.readString(users)
            .replace(
                "<users>",
                "<users><"
                    + user
                    + "><password>"
                    + password
                    + "</password><networks><ip>127.0.0.1</ip></networks>"
                    + "<profile>default</profile><quota>default</quota></"
                    + user
                    + ">");
    FileTime written = Files.getLastModifiedTime(users);
    Files.writeString(users, xml);
    // ClickHouse notices the change by the file's modification time, in whole seconds.
    Files.setLastModifiedTime(users, FileTime.fromMillis(written.toMillis() + 10_000));
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      status =
          http.send(
                  HttpRequest.newBuilder(URI.create(server.url() + "/?query=SELECT%201"))
                      .header("Authorization", "Basic " + credentials)
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
    }
    assertThat(status).as("ClickHouse took the new user from users.xml").isEqualTo(200);
  }

  private static ListAppender<ILoggingEvent> captureRootLog() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
    return log;
  }

  private static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
