package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredSlosTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void aLatencySloOfSomeOperationsOnTheCalendarMonthRoundTrips() {
    ServiceLevelObjective slo =
        new SloDraft(
                "pay-latency",
                "Pay latency",
                "checkout",
                "latency",
                Duration.ofMillis(300),
                List.of("POST /refund", "POST /pay"),
                99.9,
                "month")
            .toObjective();

    SloDefinition stored = StoredSlos.definition(slo, "http://hook", 25, "slos.yaml", T0);

    assertThat(stored.objective()).isEqualTo(0.999);
    assertThat(stored.window()).isEqualTo(Duration.ofDays(30));
    assertThat(stored.spec())
        .isEqualTo(
            new SloSpec(
                "latency", 300, List.of("POST /pay", "POST /refund"), "month", 25, "slos.yaml"));
    assertThat(StoredSlos.objective(stored)).isEqualTo(slo);
  }

  @Test
  void aDefinitionFromBeforeSpecsIsAnAvailabilitySloOfTheWholeService() {
    SloDefinition old =
        new SloDefinition("a", 1, "A", "checkout", 0.995, Duration.ofDays(7), 2.0, "", T0);

    assertThat(StoredSlos.objective(old))
        .isEqualTo(
            new ServiceLevelObjective(
                "a",
                "A",
                "checkout",
                AvailabilityIndicator.wholeService(),
                0.995,
                RollingWindow.DAYS_7));
  }
}
