package dev.meerkat.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QueryWindowTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void defaultsToTheLastHour() {
    assertThat(QueryWindow.resolve(null, null, null, CLOCK))
        .isEqualTo(new QueryWindow(NOW.minus(Duration.ofHours(1)), NOW));
  }

  @Test
  void endsAWindowNow() {
    assertThat(QueryWindow.resolve(null, null, "7d", CLOCK))
        .isEqualTo(new QueryWindow(NOW.minus(Duration.ofDays(7)), NOW));
    assertThat(QueryWindow.resolve(null, null, "30s", CLOCK))
        .isEqualTo(new QueryWindow(NOW.minusSeconds(30), NOW));
  }

  @Test
  void endsARangeWithoutToNow() {
    assertThat(QueryWindow.resolve("2026-11-30T09:30:00Z", null, null, CLOCK))
        .isEqualTo(new QueryWindow(Instant.parse("2026-11-30T09:30:00Z"), NOW));
  }

  @Test
  void readsEpochMillisecondsAndIsoInstantsAlike() {
    Instant from = Instant.parse("2026-11-30T09:30:00.250Z");

    assertThat(
            QueryWindow.resolve(
                Long.toString(from.toEpochMilli()), "2026-11-30T09:45:00Z", null, CLOCK))
        .isEqualTo(new QueryWindow(from, Instant.parse("2026-11-30T09:45:00Z")));
  }

  @Test
  void refusesToWithoutFrom() {
    assertThatThrownBy(() -> QueryWindow.resolve(null, "2026-11-30T09:45:00Z", null, CLOCK))
        .isInstanceOf(BadParameterException.class)
        .hasMessage("parameter 'to' needs 'from' (or use 'window')");
  }

  @Test
  void refusesAWindowWithoutUnitOrOfZeroLength() {
    assertThatThrownBy(() -> QueryWindow.resolve(null, null, "0m", CLOCK))
        .hasMessage(
            "parameter 'window' must be a positive number with a unit s, m, h or d, like 15m or"
                + " 7d, was '0m'");
    assertThatThrownBy(() -> QueryWindow.resolve(null, null, "60", CLOCK))
        .hasMessageEndingWith("was '60'");
  }

  @Test
  void refusesAMillisecondsValueThatIsNotANumber() {
    assertThatThrownBy(() -> Parameters.millis("minDurationMs", "fast"))
        .hasMessage(
            "parameter 'minDurationMs' must be a non-negative number of milliseconds, was 'fast'");
    assertThat(Parameters.millis("minDurationMs", "0.25")).isEqualTo(Duration.ofNanos(250_000));
  }
}
