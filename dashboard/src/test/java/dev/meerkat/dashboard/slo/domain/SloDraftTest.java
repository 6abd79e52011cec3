package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SloDraftTest {

  @Test
  void buildsAValidatedLatencySlo() {
    SloDraft draft =
        new SloDraft(
            "checkout-latency",
            "Checkout latency",
            "checkout",
            "latency",
            Duration.ofMillis(300),
            List.of("POST /pay"),
            99.0,
            "28d");

    assertThat(draft.problems()).isEmpty();
    assertThat(draft.toObjective())
        .isEqualTo(
            new ServiceLevelObjective(
                "checkout-latency",
                "Checkout latency",
                "checkout",
                new LatencyIndicator(Duration.ofMillis(300), Set.of("POST /pay")),
                0.99,
                RollingWindow.DAYS_28));
  }

  @Test
  void listsEveryProblemWithAnActionableMessage() {
    SloDraft draft = new SloDraft("Checkout!", "", " ", "speed", null, List.of(""), 100.0, "14d");

    assertThat(draft.problems())
        .containsExactly(
            "id must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or"
                + " digit, was 'Checkout!'",
            "service is required",
            "indicator must be availability or latency, was 'speed'",
            "operations must not contain blank names",
            "objective must be a percentage between 0 and 100 (exclusive), e.g. 99.9, was 100.0",
            "window must be 7d, 28d, 30d or month, was 14d");
    assertThatThrownBy(draft::toObjective).hasMessageContaining("; service is required; ");
  }

  @Test
  void latencyNeedsAPositiveThresholdAndOnlyLatencyHasOne() {
    assertThat(draft("latency", null).problems())
        .containsExactly("a latency SLO needs a threshold, e.g. 300ms");
    assertThat(draft("latency", Duration.ofMillis(-1)).problems())
        .containsExactly("latency threshold must be greater than 0");
    assertThat(draft("availability", Duration.ofMillis(5)).problems())
        .containsExactly("only a latency SLO has a threshold; remove it or use indicator latency");
  }

  @Test
  void defaultsTheNameToTheIdAndReadsCalendarMonths() {
    ServiceLevelObjective slo =
        new SloDraft("api", null, "api", "availability", null, null, 99.9, "month").toObjective();
    assertThat(slo.name()).isEqualTo("api");
    assertThat(slo.window()).isEqualTo(CalendarMonthWindow.INSTANCE);
    assertThat(slo.indicator()).isEqualTo(AvailabilityIndicator.wholeService());
  }

  private static SloDraft draft(String kind, Duration threshold) {
    return new SloDraft("api", "API", "api", kind, threshold, List.of(), 99.0, "30d");
  }
}
