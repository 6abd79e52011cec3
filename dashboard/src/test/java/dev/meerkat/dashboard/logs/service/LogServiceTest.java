package dev.meerkat.dashboard.logs.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.logs.domain.LogLevel;
import dev.meerkat.dashboard.logs.domain.LogSearch;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.store.query.log.LogQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a search of the logs page becomes a store query (the store itself: LogsBrowserIT). */
class LogServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));

  // query() reads neither repository.
  private final LogService service = new LogService(null, null, new TestClock(NOW));

  @Test
  void searchWithoutFiltersCoversExactlyItsInstants() {
    assertThat(service.query(LogSearch.all(NOW.minus(Duration.ofMinutes(15)), NOW)))
        .isEqualTo(
            new LogQuery(
                Instant.parse("2026-11-30T11:45:00Z"),
                Instant.parse("2026-11-30T12:00:00Z"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                100,
                Optional.empty()));
  }

  @Test
  void everyFilterGivenBecomesACondition() {
    LogSearch search =
        new LogSearch(
            NOW.minus(Duration.ofDays(7)),
            NOW,
            Optional.of("checkout"),
            LogLevel.ERROR,
            Optional.of("timed out"),
            Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"));

    assertThat(service.query(search))
        .isEqualTo(
            new LogQuery(
                Instant.parse("2026-11-23T12:00:00Z"),
                Instant.parse("2026-11-30T12:00:00Z"),
                Optional.of("checkout"),
                Optional.of(17),
                Optional.of("timed out"),
                Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"),
                100,
                Optional.empty()));
  }

  @Test
  void blankFiltersAreNoFilters() {
    LogSearch search =
        new LogSearch(
            HOUR_AGO, NOW, Optional.of("  "), LogLevel.ANY, Optional.of(""), Optional.of(" "));

    assertThat(service.query(search)).isEqualTo(service.query(LogSearch.all(HOUR_AGO, NOW)));
  }

  @Test
  void textKeepsItsSpacesBecauseTheMessageMustContainThemExactly() {
    LogSearch search =
        new LogSearch(
            HOUR_AGO,
            NOW,
            Optional.empty(),
            LogLevel.WARN,
            Optional.of(" failed "),
            Optional.empty());

    LogQuery query = service.query(search);

    assertThat(query.text()).contains(" failed ");
    assertThat(query.minSeverity()).contains(13);
  }
}
