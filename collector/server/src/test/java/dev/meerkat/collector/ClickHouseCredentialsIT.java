package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
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
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    Throwable failure;
    try {
      failure = catchThrowable(() -> Collector.start(config).close());
    } finally {
      root.detachAppender(log);
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

  private static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
