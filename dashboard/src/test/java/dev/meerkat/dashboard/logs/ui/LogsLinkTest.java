package dev.meerkat.dashboard.logs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import dev.meerkat.dashboard.logs.domain.LogLevel;
import dev.meerkat.dashboard.services.domain.TimeRange;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogsLinkTest {

  private static final Set<TimeRange> WINDOWS =
      EnumSet.range(TimeRange.FIFTEEN_MINUTES, TimeRange.SEVEN_DAYS);

  @Test
  void defaultFiltersMakeNoQueryString() {
    assertThat(LogsLink.write(null, LogLevel.ANY, "", " ", TimeRange.ONE_HOUR)).isEqualTo("");
  }

  @Test
  void readsBackWhatItWrote() {
    String query =
        LogsLink.write(
            "checkout",
            LogLevel.WARN,
            "a&b = c",
            " 4bf92f3577b34da6a3ce929d0e0e4736 ",
            TimeRange.SEVEN_DAYS);

    LogsLink link = LogsLink.read(QueryParameters.fromString(query.substring(1)), WINDOWS);

    assertThat(link)
        .isEqualTo(
            new LogsLink(
                Optional.of("checkout"),
                LogLevel.WARN,
                Optional.of("a&b = c"),
                Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"),
                TimeRange.SEVEN_DAYS,
                Optional.empty()));
  }

  @Test
  void unknownWindowFallsBackToAnHourAndSaysSo() {
    LogsLink link =
        LogsLink.read(QueryParameters.simple(Map.of("window", "5m", "level", "fatal")), WINDOWS);

    assertThat(link.window()).isEqualTo(TimeRange.ONE_HOUR);
    assertThat(link.level()).isEqualTo(LogLevel.FATAL);
    assertThat(link.problem()).contains("Unknown window in the link; use 15m, 1h, 6h, 24h or 7d.");
  }
}
