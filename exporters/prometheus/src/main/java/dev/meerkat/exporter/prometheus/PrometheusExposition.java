package dev.meerkat.exporter.prometheus;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders a registry in the format the scraper asks for in its {@code Accept} header (Prometheus
 * text, OpenMetrics or protobuf), using the Prometheus client's own writers.
 */
public final class PrometheusExposition {

  private final PrometheusRegistry registry;
  private final ExpositionFormats formats = ExpositionFormats.init();

  private PrometheusExposition(PrometheusRegistry registry) {
    this.registry = registry;
  }

  public static PrometheusExposition create(PrometheusRegistry registry) {
    return new PrometheusExposition(registry);
  }

  /** A rendered scrape: its content type and body. */
  public record Scrape(String contentType, byte[] body) {}

  /** Scrapes the registry now, in the format chosen from {@code acceptHeader} (may be null). */
  public Scrape scrape(String acceptHeader) {
    ExpositionFormatWriter writer = formats.findWriter(acceptHeader);
    ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    try {
      writer.write(body, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Scrape(writer.getContentType(), body.toByteArray());
  }
}
