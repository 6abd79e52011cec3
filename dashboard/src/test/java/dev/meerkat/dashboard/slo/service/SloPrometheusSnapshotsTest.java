package dev.meerkat.dashboard.slo.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.slo.domain.AvailabilityIndicator;
import dev.meerkat.dashboard.slo.domain.BurnWindow;
import dev.meerkat.dashboard.slo.domain.CalendarMonthWindow;
import dev.meerkat.dashboard.slo.domain.EventCounts;
import dev.meerkat.dashboard.slo.domain.RollingWindow;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.SloReading;
import dev.meerkat.dashboard.slo.domain.SloTimeWindow;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SloPrometheusSnapshotsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @Test
  void writesEverySloSeriesInTheTextFormat() throws IOException {
    Map<BurnWindow, OptionalDouble> burnRates = new EnumMap<>(BurnWindow.class);
    for (BurnWindow window : BurnWindow.values()) {
      burnRates.put(window, OptionalDouble.of(0.5));
    }
    burnRates.put(BurnWindow.FIVE_MINUTES, OptionalDouble.of(2.0));
    SloReading busy =
        new SloReading(
            slo("checkout-availability", "checkout", RollingWindow.DAYS_30),
            NOW,
            new EventCounts(10_000, 5),
            OptionalDouble.of(0.9995),
            0.5,
            burnRates);
    // No traffic: no SLI and no burn rates, an untouched budget.
    SloReading idle =
        new SloReading(
            slo("search-monthly", "search", CalendarMonthWindow.INSTANCE),
            NOW,
            EventCounts.NONE,
            OptionalDouble.empty(),
            1.0,
            Map.of());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create()
        .write(out, new SloPrometheusSnapshots().snapshot(List.of(busy, idle)));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(golden());
  }

  private static ServiceLevelObjective slo(String id, String service, SloTimeWindow window) {
    return new ServiceLevelObjective(
        id, id, service, AvailabilityIndicator.wholeService(), 0.999, window);
  }

  private static String golden() throws IOException {
    try (InputStream in =
        SloPrometheusSnapshotsTest.class.getResourceAsStream("/slo/metrics.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
