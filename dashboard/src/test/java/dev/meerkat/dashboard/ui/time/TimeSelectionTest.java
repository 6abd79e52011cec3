package dev.meerkat.dashboard.ui.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeSelectionTest {

  private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");
  private static final String SHOWING_HOUR = " Showing last 1 hour instead.";

  private static TimeSelection.Read read(String query) {
    return TimeSelection.read(QueryParameters.fromString(query), Preset.ONE_HOUR);
  }

  private static TimeSelection.Read fine(TimeWindow window, AutoRefresh refresh) {
    return new TimeSelection.Read(new TimeSelection(window, refresh), Optional.empty());
  }

  private static TimeSelection.Read fallback(String problem) {
    return new TimeSelection.Read(TimeSelection.of(Preset.ONE_HOUR), Optional.of(problem));
  }

  @Test
  void everyPresetHasItsTokenLengthAndLabel() {
    assertThat(Preset.values())
        .extracting(p -> p.token() + "=" + p.duration() + "=" + p.label())
        .containsExactly(
            "5m=PT5M=Last 5 minutes",
            "15m=PT15M=Last 15 minutes",
            "30m=PT30M=Last 30 minutes",
            "1h=PT1H=Last 1 hour",
            "3h=PT3H=Last 3 hours",
            "6h=PT6H=Last 6 hours",
            "12h=PT12H=Last 12 hours",
            "24h=PT24H=Last 24 hours",
            "2d=PT48H=Last 2 days",
            "7d=PT168H=Last 7 days",
            "30d=PT720H=Last 30 days");
  }

  @Test
  void everyRefreshHasItsTokenAndInterval() {
    assertThat(AutoRefresh.values())
        .extracting(r -> r.token() + "=" + r.interval().map(Object::toString).orElse("none"))
        .containsExactly("off=none", "10s=PT10S", "30s=PT30S", "1m=PT1M", "5m=PT5M");
  }

  @Test
  void aLinkWithoutTimeShowsTheFallbackWithoutAProblem() {
    assertThat(TimeSelection.read(QueryParameters.empty(), Preset.FIFTEEN_MINUTES))
        .isEqualTo(fine(TimeWindow.last(Preset.FIFTEEN_MINUTES), AutoRefresh.OFF));
  }

  @Test
  void readsAPresetAndARefresh() {
    assertThat(read("range=7d&refresh=30s"))
        .isEqualTo(fine(TimeWindow.last(Preset.SEVEN_DAYS), AutoRefresh.THIRTY_SECONDS));
  }

  @Test
  void aPresetEndsNow() {
    assertThat(TimeWindow.last(Preset.THREE_HOURS).resolve(NOW))
        .isEqualTo(
            new Interval(
                Instant.parse("2026-11-30T11:00:00Z"), Instant.parse("2026-11-30T14:00:00Z")));
  }

  @Test
  void aFixedWindowIsTheSameWhateverTheTime() {
    TimeWindow fixed =
        TimeWindow.between(
            Instant.parse("2026-11-01T08:30:00Z"), Instant.parse("2026-11-01T09:15:00Z"));

    assertThat(fixed.resolve(NOW))
        .isEqualTo(
            new Interval(
                Instant.parse("2026-11-01T08:30:00Z"), Instant.parse("2026-11-01T09:15:00Z")));
  }

  @Test
  void readsIsoInstantsWithAnyOffset() {
    assertThat(read("from=2026-11-30T13:00:00Z&to=2026-11-30T15:30:00%2B01:00"))
        .isEqualTo(
            fine(
                TimeWindow.between(
                    Instant.parse("2026-11-30T13:00:00Z"), Instant.parse("2026-11-30T14:30:00Z")),
                AutoRefresh.OFF));
  }

  @Test
  void readsEpochMillisecondsLikeGrafana() {
    // 1_796_040_000_000 ms = 2026-11-30T12:00:00Z (20_787 days * 86_400 s + 12 h)
    assertThat(read("from=1796040000000&to=1796043600000&refresh=10s"))
        .isEqualTo(
            fine(
                TimeWindow.between(
                    Instant.parse("2026-11-30T12:00:00Z"), Instant.parse("2026-11-30T13:00:00Z")),
                AutoRefresh.TEN_SECONDS));
  }

  @Test
  void writesAPresetAndLeavesRefreshOutWhenOff() {
    assertThat(TimeSelection.of(Preset.TWELVE_HOURS).toQuery())
        .containsExactly(Map.entry("range", "12h"));
  }

  @Test
  void writesFixedWindowsAsIsoInstants() {
    TimeSelection selection =
        new TimeSelection(
            TimeWindow.between(
                Instant.ofEpochMilli(1_796_040_000_000L), Instant.ofEpochMilli(1_796_043_600_000L)),
            AutoRefresh.ONE_MINUTE);

    assertThat(selection.toQuery())
        .containsExactly(
            Map.entry("from", "2026-11-30T12:00:00Z"),
            Map.entry("to", "2026-11-30T13:00:00Z"),
            Map.entry("refresh", "1m"));
  }

  @Test
  void readsBackWhatItWrote() {
    TimeSelection selection =
        new TimeSelection(
            TimeWindow.between(
                Instant.parse("2026-11-30T13:00:00.250Z"), Instant.parse("2026-11-30T13:05:00Z")),
            AutoRefresh.FIVE_MINUTES);

    assertThat(TimeSelection.read(QueryParameters.simple(selection.toQuery()), Preset.ONE_HOUR))
        .isEqualTo(new TimeSelection.Read(selection, Optional.empty()));
  }

  @Test
  void mergingKeepsThePagesOtherKeysAndReplacesTheTimeKeys() {
    QueryParameters current =
        QueryParameters.fromString("service=checkout&from=1&to=2&refresh=10s&level=WARN");

    QueryParameters merged = TimeSelection.of(Preset.SIX_HOURS).mergeInto(current);

    assertThat(merged.getParameters())
        .isEqualTo(
            Map.of(
                "service", List.of("checkout"),
                "level", List.of("WARN"),
                "range", List.of("6h")));
  }

  @Test
  void unknownRangeSaysWhatToUseAndShowsTheFallback() {
    assertThat(read("range=2h"))
        .isEqualTo(
            fallback(
                "Unknown range '2h': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                    + SHOWING_HOUR));
  }

  @Test
  void unreadableFromSaysWhichFormatsWork() {
    assertThat(read("from=yesterday&to=2026-11-30T14:00:00Z"))
        .isEqualTo(
            fallback(
                "Cannot read from 'yesterday': use an ISO-8601 instant such as"
                    + " 2026-11-30T14:00:00Z or epoch milliseconds."
                    + SHOWING_HOUR));
  }

  @Test
  void unreadableToSaysWhichFormatsWork() {
    assertThat(read("from=2026-11-30T13:00:00Z&to=2026-11-30"))
        .isEqualTo(
            fallback(
                "Cannot read to '2026-11-30': use an ISO-8601 instant such as"
                    + " 2026-11-30T14:00:00Z or epoch milliseconds."
                    + SHOWING_HOUR));
  }

  @Test
  void fromWithoutToAsksForBoth() {
    assertThat(read("from=2026-11-30T13:00:00Z"))
        .isEqualTo(fallback("The link has from but no to: give both, or a range." + SHOWING_HOUR));
    assertThat(read("to=2026-11-30T13:00:00Z"))
        .isEqualTo(fallback("The link has to but no from: give both, or a range." + SHOWING_HOUR));
  }

  @Test
  void fromNotBeforeToIsRefused() {
    assertThat(read("from=2026-11-30T14:00:00Z&to=2026-11-30T13:00:00Z"))
        .isEqualTo(
            fallback(
                "from 2026-11-30T14:00:00Z is not before to 2026-11-30T13:00:00Z." + SHOWING_HOUR));
    assertThat(read("from=2026-11-30T14:00:00Z&to=2026-11-30T14:00:00Z"))
        .isEqualTo(
            fallback(
                "from 2026-11-30T14:00:00Z is not before to 2026-11-30T14:00:00Z." + SHOWING_HOUR));
  }

  @Test
  void aRangeLongerThanThirtyDaysIsCutToTheThirtyDaysBeforeItsEnd() {
    assertThat(read("from=2026-10-01T00:00:00Z&to=2026-11-30T00:00:00Z"))
        .isEqualTo(
            new TimeSelection.Read(
                new TimeSelection(
                    TimeWindow.between(
                        Instant.parse("2026-10-31T00:00:00Z"),
                        Instant.parse("2026-11-30T00:00:00Z")),
                    AutoRefresh.OFF),
                Optional.of(
                    "The range from 2026-10-01T00:00:00Z to 2026-11-30T00:00:00Z is longer than"
                        + " 30 days, the longest one page shows. Showing the 30 days up to"
                        + " 2026-11-30T00:00:00Z instead.")));
  }

  @Test
  void exactlyThirtyDaysIsAccepted() {
    assertThat(read("from=2026-10-31T00:00:00Z&to=2026-11-30T00:00:00Z").problem()).isEmpty();
  }

  @Test
  void rangeAndFromToTogetherUseFromTo() {
    assertThat(read("range=5m&from=2026-11-30T13:00:00Z&to=2026-11-30T13:10:00Z"))
        .isEqualTo(
            new TimeSelection.Read(
                new TimeSelection(
                    TimeWindow.between(
                        Instant.parse("2026-11-30T13:00:00Z"),
                        Instant.parse("2026-11-30T13:10:00Z")),
                    AutoRefresh.OFF),
                Optional.of("The link has both range and from/to: showing from/to.")));
  }

  @Test
  void unknownRefreshTurnsAutoRefreshOffAndSaysSo() {
    assertThat(read("range=15m&refresh=1s"))
        .isEqualTo(
            new TimeSelection.Read(
                TimeSelection.of(Preset.FIFTEEN_MINUTES),
                Optional.of(
                    "Unknown refresh '1s': use off, 10s, 30s, 1m or 5m. Auto-refresh is off.")));
  }

  @Test
  void severalProblemsAreAllReported() {
    assertThat(read("range=1y&refresh=fast").problem())
        .contains(
            "Unknown range '1y': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + SHOWING_HOUR
                + " Unknown refresh 'fast': use off, 10s, 30s, 1m or 5m. Auto-refresh is off.");
  }
}
