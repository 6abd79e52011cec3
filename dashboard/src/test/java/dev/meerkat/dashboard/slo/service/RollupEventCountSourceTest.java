package dev.meerkat.dashboard.slo.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.slo.domain.AvailabilityIndicator;
import dev.meerkat.dashboard.slo.domain.EventCounts;
import dev.meerkat.dashboard.slo.domain.EventWindow;
import dev.meerkat.dashboard.slo.domain.LatencyIndicator;
import dev.meerkat.dashboard.slo.domain.RollingWindow;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.store.query.RequestCell;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollupEventCountSourceTest {

  @Test
  void countsWholeMinutesEndingAtTheLastCompleteOneWithTheSlosIndicator() {
    List<String> asked = new ArrayList<>();
    RollupEventCountSource source =
        new RollupEventCountSource(
            (service, from, to) -> {
              asked.add(service + " " + from + " " + to);
              return List.of(
                  new RequestCell("POST /pay", false, 39, 12),
                  new RequestCell("POST /pay", true, 72, 2),
                  new RequestCell("GET /cart", false, 80, 5));
            });
    ServiceLevelObjective slo =
        new ServiceLevelObjective(
            "pay-latency",
            "Pay latency",
            "checkout",
            new LatencyIndicator(Duration.ofMillis(300), Set.of("POST /pay")),
            0.99,
            RollingWindow.DAYS_7);
    Instant now = Instant.parse("2026-03-01T12:07:42Z");

    EventCounts counts = source.count(slo, now.minus(Duration.ofMinutes(5)), now);

    // Bucket 72 holds 300 ms: counted bad. GET /cart is not a selected operation.
    assertThat(counts).isEqualTo(new EventCounts(14, 2));
    assertThat(asked).containsExactly("checkout 2026-03-01T12:02:00Z 2026-03-01T12:07:00Z");
  }

  @Test
  void countsEachWindowWithItsOwnSlosServiceAndIndicator() {
    List<String> asked = new ArrayList<>();
    RollupEventCountSource source =
        new RollupEventCountSource(
            (service, from, to) -> {
              asked.add(service + " " + from + " " + to);
              return service.equals("checkout")
                  ? List.of(
                      new RequestCell("POST /pay", false, 39, 12),
                      new RequestCell("POST /pay", true, 39, 2))
                  : List.of(
                      new RequestCell("GET /", false, 39, 7),
                      new RequestCell("GET /", false, 80, 3));
            });
    ServiceLevelObjective availability =
        new ServiceLevelObjective(
            "pay",
            "Pay",
            "checkout",
            new AvailabilityIndicator(Set.of()),
            0.99,
            RollingWindow.DAYS_30);
    ServiceLevelObjective latency =
        new ServiceLevelObjective(
            "home",
            "Home",
            "frontend",
            new LatencyIndicator(Duration.ofMillis(300), Set.of()),
            0.95,
            RollingWindow.DAYS_7);
    Instant now = Instant.parse("2026-03-01T12:07:42Z");

    List<EventCounts> counts =
        source.countEach(
            List.of(
                new EventWindow(availability, now.minus(Duration.ofHours(1)), now),
                new EventWindow(latency, now.minus(Duration.ofMinutes(5)), now)));

    // checkout: 2 of 14 failed. frontend: bucket 80 (above 300 ms) is slow, 3 of 10.
    assertThat(counts).containsExactly(new EventCounts(14, 2), new EventCounts(10, 3));
    assertThat(asked)
        .containsExactly(
            "checkout 2026-03-01T11:07:00Z 2026-03-01T12:07:00Z",
            "frontend 2026-03-01T12:02:00Z 2026-03-01T12:07:00Z");
  }
}
