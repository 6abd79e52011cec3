package dev.meerkat.agent.tooling;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the standard options before the SDK's autoconfigure module reads them, because it throws
 * on a bad value and an agent option must never stop the application: each bad value is reported
 * (one line in {@code problems}) and replaced by its default in the returned overrides.
 */
final class OtelOptions {
  static final List<String> PROPAGATORS =
      Collections.unmodifiableList(
          Arrays.asList("tracecontext", "baggage", "b3", "b3multi", "jaeger", "ottrace", "none"));
  static final String DEFAULT_PROPAGATORS = "tracecontext,baggage";
  static final List<String> SPAN_EXPORTERS =
      Collections.unmodifiableList(Arrays.asList("otlp", "none"));
  static final List<String> METRIC_EXPORTERS =
      Collections.unmodifiableList(Arrays.asList("otlp", "prometheus", "none"));
  static final List<String> PROTOCOLS =
      Collections.unmodifiableList(Arrays.asList("http/protobuf", "grpc"));
  static final List<String> COMPRESSIONS =
      Collections.unmodifiableList(Arrays.asList("gzip", "none"));
  private static final String[] SIGNALS = {"", "traces.", "metrics.", "logs."};
  private static final String[] POSITIVE_DURATIONS = {
    "otel.bsp.export.timeout",
    "otel.metric.export.interval",
    "otel.metric.export.timeout",
    "otel.exporter.otlp.timeout",
    "otel.exporter.otlp.traces.timeout",
    "otel.exporter.otlp.metrics.timeout",
    "otel.exporter.otlp.logs.timeout",
    "otel.blrp.export.timeout"
  };
  private static final String[] NON_NEGATIVE_DURATIONS = {
    "otel.bsp.schedule.delay", "otel.blrp.schedule.delay"
  };
  private static final String[] POSITIVE_INTS = {
    "otel.bsp.max.queue.size",
    "otel.bsp.max.export.batch.size",
    "otel.blrp.max.queue.size",
    "otel.blrp.max.export.batch.size",
    "otel.attribute.value.length.limit",
    "otel.attribute.count.limit",
    "otel.span.attribute.value.length.limit",
    "otel.span.attribute.count.limit",
    "otel.span.event.count.limit",
    "otel.span.link.count.limit",
    "otel.event.attribute.count.limit",
    "otel.link.attribute.count.limit",
    "otel.exporter.prometheus.port"
  };

  private OtelOptions() {}

  /**
   * The overrides for the bad values of {@code config}. {@code prometheusPort} is {@code
   * meerkat.prometheus.port} (null when unset): it adds the Prometheus reader on that port.
   */
  static Map<String, String> sanitize(
      ConfigProperties config, String prometheusPort, List<String> problems) {
    Map<String, String> overrides = new HashMap<>();
    checkPropagators(config, overrides, problems);
    checkList(config, "otel.traces.exporter", SPAN_EXPORTERS, "otlp", overrides, problems);
    checkList(config, "otel.metrics.exporter", METRIC_EXPORTERS, "otlp", overrides, problems);
    checkList(config, "otel.logs.exporter", SPAN_EXPORTERS, "none", overrides, problems);
    String protocol =
        checkOne(
            config, "otel.exporter.otlp.protocol", PROTOCOLS, "http/protobuf", overrides, problems);
    String compression =
        checkOne(
            config, "otel.exporter.otlp.compression", COMPRESSIONS, "none", overrides, problems);
    for (int i = 1; i < SIGNALS.length; i++) {
      String prefix = "otel.exporter.otlp." + SIGNALS[i];
      checkOne(config, prefix + "protocol", PROTOCOLS, protocol, overrides, problems);
      checkOne(config, prefix + "compression", COMPRESSIONS, compression, overrides, problems);
    }
    checkEndpoints(config, overrides, problems);
    for (String name : POSITIVE_DURATIONS) {
      checkDuration(config, name, false, overrides, problems);
    }
    for (String name : NON_NEGATIVE_DURATIONS) {
      checkDuration(config, name, true, overrides, problems);
    }
    for (String name : POSITIVE_INTS) {
      checkPositiveInt(config, name, overrides, problems);
    }
    checkTelemetryVersion(config, overrides, problems);
    addPrometheus(config, prometheusPort, overrides, problems);
    return overrides;
  }

  private static void checkPropagators(
      ConfigProperties config, Map<String, String> overrides, List<String> problems) {
    List<String> values = config.getList("otel.propagators");
    if (values.isEmpty()) {
      return;
    }
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String value : values) {
      String name = value.trim().toLowerCase(Locale.ROOT);
      (PROPAGATORS.contains(name) ? known : unknown).add(name);
    }
    if (unknown.isEmpty()) {
      return;
    }
    String used = known.isEmpty() ? DEFAULT_PROPAGATORS : String.join(",", known);
    overrides.put("otel.propagators", used);
    problems.add(
        "otel.propagators: unknown "
            + unknown
            + " ignored, using "
            + used
            + " (accepted: "
            + String.join(", ", PROPAGATORS)
            + ")");
  }

  private static void checkList(
      ConfigProperties config,
      String name,
      List<String> accepted,
      String fallback,
      Map<String, String> overrides,
      List<String> problems) {
    List<String> values = config.getList(name);
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String value : values) {
      String lower = value.trim().toLowerCase(Locale.ROOT);
      (accepted.contains(lower) ? known : unknown).add(lower);
    }
    if (unknown.isEmpty()) {
      return;
    }
    String used = known.isEmpty() ? fallback : String.join(",", known);
    overrides.put(name, used);
    problems.add(
        name
            + ": unknown "
            + unknown
            + " ignored, using "
            + used
            + " (accepted: "
            + String.join(", ", accepted)
            + ")");
  }

  /** The value in effect: the option's own when valid (or {@code fallback} when unset). */
  private static String checkOne(
      ConfigProperties config,
      String name,
      List<String> accepted,
      String fallback,
      Map<String, String> overrides,
      List<String> problems) {
    String value = config.getString(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    String lower = value.trim().toLowerCase(Locale.ROOT);
    if (accepted.contains(lower)) {
      return lower;
    }
    overrides.put(name, fallback);
    problems.add(
        name
            + "="
            + value
            + " is not supported; using "
            + fallback
            + " (accepted: "
            + String.join(", ", accepted)
            + ")");
    return fallback;
  }

  private static void checkEndpoints(
      ConfigProperties config, Map<String, String> overrides, List<String> problems) {
    String protocol = overrides.get("otel.exporter.otlp.protocol");
    boolean isGrpc =
        "grpc"
            .equalsIgnoreCase(
                protocol != null ? protocol : config.getString("otel.exporter.otlp.protocol"));
    String base = config.getString("otel.exporter.otlp.endpoint");
    String defaultBase = isGrpc ? "http://localhost:4317" : "http://localhost:4318";
    if (base != null && !isUrl(base)) {
      problems.add(
          "otel.exporter.otlp.endpoint="
              + base
              + " is not an http or https URL; using "
              + defaultBase);
      overrides.put("otel.exporter.otlp.endpoint", defaultBase);
      base = defaultBase;
    }
    String[] signals = {"traces", "metrics", "logs"};
    for (String signal : signals) {
      String name = "otel.exporter.otlp." + signal + ".endpoint";
      String value = config.getString(name);
      if (value != null && !isUrl(value)) {
        String root = base == null ? defaultBase : base;
        String used = isGrpc ? root : root + (root.endsWith("/") ? "" : "/") + "v1/" + signal;
        problems.add(name + "=" + value + " is not an http or https URL; using " + used);
        overrides.put(name, used);
      }
    }
  }

  static boolean isUrl(String value) {
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static void checkDuration(
      ConfigProperties config,
      String name,
      boolean zeroAllowed,
      Map<String, String> overrides,
      List<String> problems) {
    String raw = config.getString(name);
    if (raw == null || raw.isEmpty()) {
      return;
    }
    boolean valid;
    try {
      Duration duration = config.getDuration(name);
      valid = duration != null && (zeroAllowed ? !duration.isNegative() : duration.toMillis() > 0);
    } catch (RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      overrides.put(name, "");
      problems.add(
          name
              + "="
              + raw
              + " is not a "
              + (zeroAllowed ? "non-negative" : "positive")
              + " duration (milliseconds, or a number with ms, s, m, h or d); using the default");
    }
  }

  private static void checkPositiveInt(
      ConfigProperties config, String name, Map<String, String> overrides, List<String> problems) {
    String raw = config.getString(name);
    if (raw == null || raw.isEmpty()) {
      return;
    }
    boolean valid;
    try {
      Integer value = config.getInt(name);
      valid = value != null && value > 0;
    } catch (RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      overrides.put(name, "");
      problems.add(name + "=" + raw + " is not a positive integer; using the default");
    }
  }

  private static void checkTelemetryVersion(
      ConfigProperties config, Map<String, String> overrides, List<String> problems) {
    String name = "otel.experimental.sdk.telemetry.version";
    String value = config.getString(name);
    if (value != null && !value.equalsIgnoreCase("latest") && !value.equalsIgnoreCase("legacy")) {
      overrides.put(name, "latest");
      problems.add(
          name + "=" + value + " is not supported; using latest (accepted: latest, legacy)");
    }
  }

  /** The port of the agent's Prometheus endpoint once {@code overrides} apply; -1 when off. */
  static int prometheusPort(ConfigProperties config, Map<String, String> overrides) {
    String exporters = overrides.get("otel.metrics.exporter");
    List<String> list =
        exporters != null
            ? Arrays.asList(exporters.split(","))
            : config.getList("otel.metrics.exporter");
    if (!list.contains("prometheus")) {
      return -1;
    }
    String port = overrides.get("otel.exporter.prometheus.port");
    if (port == null) {
      port = config.getString("otel.exporter.prometheus.port");
    }
    try {
      return port == null || port.isEmpty() ? 9464 : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      return 9464;
    }
  }

  private static void addPrometheus(
      ConfigProperties config,
      String prometheusPort,
      Map<String, String> overrides,
      List<String> problems) {
    if (prometheusPort == null || prometheusPort.trim().isEmpty()) {
      return;
    }
    int port;
    try {
      port = Integer.parseInt(prometheusPort.trim());
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      problems.add(
          "meerkat.prometheus.port="
              + prometheusPort
              + " is not a port number (0-65535); the Prometheus endpoint stays off");
      return;
    }
    String exporters = overrides.get("otel.metrics.exporter");
    List<String> list =
        exporters != null
            ? new ArrayList<>(Arrays.asList(exporters.split(",")))
            : new ArrayList<>(config.getList("otel.metrics.exporter"));
    list.remove("none");
    if (!list.contains("prometheus")) {
      list.add("prometheus");
    }
    overrides.put("otel.metrics.exporter", String.join(",", list));
    overrides.put("otel.exporter.prometheus.port", String.valueOf(port));
  }
}
