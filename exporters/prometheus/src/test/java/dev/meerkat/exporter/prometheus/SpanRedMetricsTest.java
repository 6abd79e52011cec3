package dev.meerkat.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanRedMetricsTest {

  private static SpanRecord span(
      String service, SpanKind kind, SpanStatus status, long millis, double sampleRate) {
    return new SpanRecord(
        1_000_000_000L,
        millis * 1_000_000L,
        "t",
        "s",
        "",
        "",
        service,
        "GET /",
        kind,
        status,
        "",
        "GET",
        "/",
        200,
        "",
        sampleRate,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "",
        "");
  }

  private static final List<SpanRecord> FIXED_INPUT =
      List.of(
          span("checkout", SpanKind.SERVER, SpanStatus.OK, 3, 1.0),
          span("checkout", SpanKind.SERVER, SpanStatus.ERROR, 120, 1.0),
          span("checkout", SpanKind.SERVER, SpanStatus.UNSET, 40, 2.0),
          span("checkout", SpanKind.CLIENT, SpanStatus.ERROR, 900, 1.0), // not a request handled
          span("billing", SpanKind.CONSUMER, SpanStatus.OK, 2_000, 1.0),
          span("billing", SpanKind.INTERNAL, SpanStatus.OK, 1, 1.0));

  @Test
  void exposesRedSeriesInPrometheusTextFormat() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    SpanRedMetrics.create(registry).record(FIXED_INPUT);

    PrometheusExposition.Scrape scrape =
        PrometheusExposition.create(registry).scrape("text/plain;version=0.0.4");

    assertThat(scrape.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(new String(scrape.body(), StandardCharsets.UTF_8))
        .isEqualTo(golden("golden/span-red-metrics.txt"));
  }

  @Test
  void choosesOpenMetricsFromTheAcceptHeader() {
    PrometheusRegistry registry = new PrometheusRegistry();
    SpanRedMetrics.create(registry).record(FIXED_INPUT);

    PrometheusExposition.Scrape scrape =
        PrometheusExposition.create(registry)
            .scrape("application/openmetrics-text; version=1.0.0; charset=utf-8");

    assertThat(scrape.contentType()).startsWith("application/openmetrics-text");
    assertThat(new String(scrape.body(), StandardCharsets.UTF_8))
        .contains("meerkat_service_requests_total{service=\"checkout\"} 4.0")
        .endsWith("# EOF\n");
  }

  private static String golden(String resource) throws IOException {
    try (InputStream in = SpanRedMetricsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
