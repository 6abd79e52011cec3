package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtelOptionsTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void acceptsB3AndKeepsValidOptionsUntouched() {
    Map<String, String> overrides =
        sanitize(
            Map.of(
                "otel.propagators", "b3,tracecontext",
                "otel.bsp.schedule.delay", "100",
                "otel.metric.export.interval", "5s",
                "otel.exporter.otlp.endpoint", "http://127.0.0.1:4318"),
            null);

    assertThat(overrides).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void unknownPropagatorIsReportedOnceAndTheDefaultUsed() {
    Map<String, String> overrides = sanitize(Map.of("otel.propagators", "xray-nope"), null);

    assertThat(overrides).containsExactly(Map.entry("otel.propagators", "tracecontext,baggage"));
    assertThat(problems)
        .containsExactly(
            "otel.propagators: unknown [xray-nope] ignored, using tracecontext,baggage (accepted:"
                + " tracecontext, baggage, b3, b3multi, jaeger, ottrace, none)");
  }

  @Test
  void unknownPropagatorNextToKnownOnesKeepsTheKnownOnes() {
    Map<String, String> overrides = sanitize(Map.of("otel.propagators", "b3multi,zipkin"), null);

    assertThat(overrides).containsExactly(Map.entry("otel.propagators", "b3multi"));
    assertThat(problems).hasSize(1);
  }

  @Test
  void badNumbersDurationsEndpointsAndExportersFallBackToDefaults() {
    Map<String, String> overrides =
        sanitize(
            Map.of(
                "otel.bsp.schedule.delay", "soon",
                "otel.bsp.max.queue.size", "-3",
                "otel.metric.export.interval", "0",
                "otel.exporter.otlp.endpoint", "localhost:4318",
                "otel.exporter.otlp.protocol", "carrier-pigeon",
                "otel.traces.exporter", "zipkin"),
            null);

    Map<String, String> expected = new HashMap<>();
    expected.put("otel.bsp.schedule.delay", "");
    expected.put("otel.bsp.max.queue.size", "");
    expected.put("otel.metric.export.interval", "");
    expected.put("otel.exporter.otlp.endpoint", "http://localhost:4318");
    expected.put("otel.exporter.otlp.protocol", "http/protobuf");
    expected.put("otel.traces.exporter", "otlp");
    assertThat(overrides).isEqualTo(expected);
    assertThat(problems)
        .containsExactly(
            "otel.traces.exporter: unknown [zipkin] ignored, using otlp (accepted: otlp, none)",
            "otel.exporter.otlp.protocol=carrier-pigeon is not supported; using http/protobuf"
                + " (accepted: http/protobuf, grpc)",
            "otel.exporter.otlp.endpoint=localhost:4318 is not an http or https URL; using"
                + " http://localhost:4318",
            "otel.metric.export.interval=0 is not a positive duration (milliseconds, or a number"
                + " with ms, s, m, h or d); using the default",
            "otel.bsp.schedule.delay=soon is not a non-negative duration (milliseconds, or a"
                + " number with ms, s, m, h or d); using the default",
            "otel.bsp.max.queue.size=-3 is not a positive integer; using the default");
  }

  @Test
  void prometheusPortAddsThePrometheusReaderNextToOtlp() {
    Map<String, String> overrides = sanitize(Map.of("otel.metrics.exporter", "otlp"), "9464");

    assertThat(overrides)
        .isEqualTo(
            Map.of(
                "otel.metrics.exporter", "otlp,prometheus",
                "otel.exporter.prometheus.port", "9464"));
    assertThat(
            OtelOptions.prometheusPort(
                DefaultConfigProperties.createFromMap(Map.of("otel.metrics.exporter", "otlp")),
                overrides))
        .isEqualTo(9464);
    assertThat(
            OtelOptions.prometheusPort(
                DefaultConfigProperties.createFromMap(Map.of("otel.metrics.exporter", "otlp")),
                Map.of()))
        .isEqualTo(-1);
    assertThat(sanitize(Map.of(), "ninety")).isEmpty();
    assertThat(problems)
        .containsExactly(
            "meerkat.prometheus.port=ninety is not a port number (0-65535); the Prometheus"
                + " endpoint stays off");
  }

  private Map<String, String> sanitize(Map<String, String> options, String prometheusPort) {
    return OtelOptions.sanitize(
        DefaultConfigProperties.createFromMap(options), prometheusPort, problems);
  }
}
