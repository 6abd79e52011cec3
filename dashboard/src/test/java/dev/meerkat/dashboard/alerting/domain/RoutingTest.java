package dev.meerkat.dashboard.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes, silences and maintenance windows decide by labels and time. */
class RoutingTest {

  private static final Map<String, String> CHECKOUT_PAGE =
      Map.of("service", "checkout", "severity", "page", "team", "payments");

  @Test
  void firstMatchingRouteWinsUnlessItContinues() {
    AlertRoute pages = route("a", 1, "severity=page", false, "pager");
    AlertRoute payments = route("b", 2, "team=payments", false, "slack-payments");
    AlertRoute everything = route("c", 3, "", false, "catch-all");

    assertThat(new Routing(List.of(everything, payments, pages)).channelsFor(CHECKOUT_PAGE))
        .containsExactly("pager");
    assertThat(new Routing(List.of(pages, payments, everything)).channelsFor(Map.of("team", "x")))
        .containsExactly("catch-all");

    AlertRoute pagesContinue = route("a", 1, "severity=page", true, "pager");
    assertThat(new Routing(List.of(pagesContinue, payments, everything)).channelsFor(CHECKOUT_PAGE))
        .containsExactly("pager", "slack-payments");
    assertThat(new Routing(List.of(payments)).channelsFor(Map.of("service", "x"))).isEmpty();
  }

  @Test
  void silenceMutesMatchingLabelsUntilItExpires() {
    Instant start = Instant.parse("2026-03-01T12:00:00Z");
    Silence silence =
        new Silence(
            "s",
            LabelMatchers.parse("service=checkout"),
            "deploy",
            "me",
            start,
            start.plusSeconds(3600));
    assertThat(silence.mutes(CHECKOUT_PAGE, start)).isTrue();
    assertThat(silence.mutes(CHECKOUT_PAGE, start.plusSeconds(3599))).isTrue();
    assertThat(silence.mutes(CHECKOUT_PAGE, start.plusSeconds(3600))).isFalse();
    assertThat(silence.mutes(CHECKOUT_PAGE, start.minusSeconds(1))).isFalse();
    assertThat(silence.mutes(Map.of("service", "cart"), start)).isFalse();
  }

  @Test
  void dailyWindowCoversItsHoursUtcIncludingAcrossMidnight() {
    MaintenanceWindow nightly =
        MaintenanceWindow.daily(
            "w", "backup", LabelMatchers.ANY, LocalTime.of(2, 0), LocalTime.of(3, 0));
    assertThat(nightly.coversTime(Instant.parse("2026-03-01T01:59:59Z"))).isFalse();
    assertThat(nightly.coversTime(Instant.parse("2026-03-01T02:00:00Z"))).isTrue();
    assertThat(nightly.coversTime(Instant.parse("2026-03-05T02:59:59Z"))).isTrue();
    assertThat(nightly.coversTime(Instant.parse("2026-03-05T03:00:00Z"))).isFalse();

    MaintenanceWindow midnight =
        MaintenanceWindow.daily(
            "m", "", LabelMatchers.parse("team=payments"), LocalTime.of(23, 0), LocalTime.of(1, 0));
    assertThat(midnight.covers(CHECKOUT_PAGE, Instant.parse("2026-03-01T23:30:00Z"))).isTrue();
    assertThat(midnight.covers(CHECKOUT_PAGE, Instant.parse("2026-03-02T00:30:00Z"))).isTrue();
    assertThat(midnight.covers(CHECKOUT_PAGE, Instant.parse("2026-03-02T01:00:00Z"))).isFalse();
    assertThat(midnight.covers(Map.of(), Instant.parse("2026-03-01T23:30:00Z"))).isFalse();
  }

  @Test
  void maintenanceWindowFormMessages() {
    assertThat(new MaintenanceWindowDraft("", true, "2:00", "03:00", "x").problems())
        .containsExactly(
            "Name is required",
            "Daily times must be HH:mm (UTC), e.g. 02:00 and 03:00",
            "'x' is not label=value");
    assertThat(new MaintenanceWindowDraft("b", true, "02:00", "02:00", "").problems())
        .containsExactly("A daily window must not start and end at the same time");
    assertThat(
            new MaintenanceWindowDraft(
                    "m", false, "2026-12-01T03:00:00Z", "2026-12-01T02:00:00Z", "")
                .problems())
        .containsExactly("The window must end after it starts");
    assertThat(
            new MaintenanceWindowDraft("backup", true, "23:00", "01:00", "team=db").toWindow("w"))
        .isEqualTo(
            MaintenanceWindow.daily(
                "w",
                "backup",
                LabelMatchers.parse("team=db"),
                LocalTime.of(23, 0),
                LocalTime.of(1, 0)));
  }

  private static AlertRoute route(
      String id, int ordinal, String matchers, boolean continues, String channel) {
    return new AlertRoute(id, ordinal, LabelMatchers.parse(matchers), List.of(channel), continues);
  }
}
