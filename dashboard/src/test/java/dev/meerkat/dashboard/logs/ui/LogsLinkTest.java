package dev.meerkat.dashboard.logs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import dev.meerkat.dashboard.logs.domain.LogLevel;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogsLinkTest {

  @Test
  void defaultFiltersMakeNoQueryString() {
    assertThat(LogsLink.write(null, LogLevel.ANY, "", " ").getQueryString()).isEqualTo("");
  }

  @Test
  void readsBackWhatItWrote() {
    QueryParameters query =
        LogsLink.write("checkout", LogLevel.WARN, "a&b = c", " 4bf92f3577b34da6a3ce929d0e0e4736 ");

    LogsLink link = LogsLink.read(QueryParameters.fromString(query.getQueryString()));

    assertThat(link)
        .isEqualTo(
            new LogsLink(
                Optional.of("checkout"),
                LogLevel.WARN,
                Optional.of("a&b = c"),
                Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"),
                Optional.empty()));
  }

  @Test
  void unknownSeverityShowsEverySeverityAndSaysSo() {
    LogsLink link = LogsLink.read(QueryParameters.simple(Map.of("level", "LOUD")));

    assertThat(link.level()).isEqualTo(LogLevel.ANY);
    assertThat(link.problem())
        .contains(
            "Unknown severity in the link; use any, TRACE, DEBUG, INFO, WARN, ERROR or FATAL.");
  }
}
