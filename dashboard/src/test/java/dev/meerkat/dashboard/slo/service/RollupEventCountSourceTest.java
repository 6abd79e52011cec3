package dev.meerkat.dashboard.slo.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.slo.domain.EventCounts;
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
}
