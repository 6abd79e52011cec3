package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the relocated OpenTelemetry SDK with the SDK's own autoconfigure module, so every standard
 * {@code OTEL_*} variable and {@code otel.*} property works as users expect. Meerkat only changes
 * defaults: OTLP over HTTP/protobuf for traces and metrics, no logs exporter.
 */
final class SdkSetup {
  static final Map<String, String> DEFAULTS;

  static {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.traces.exporter", "otlp");
    defaults.put("otel.metrics.exporter", "otlp");
    defaults.put("otel.logs.exporter", "none");
    defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    DEFAULTS = Collections.unmodifiableMap(defaults);
  }

  static final long SHUTDOWN_TIMEOUT_MILLIS = 2000;

  final OpenTelemetrySdk sdk;
  final String serviceName;
  final String tracesEndpoint;

  private SdkSetup(OpenTelemetrySdk sdk, String serviceName, String tracesEndpoint) {
    this.sdk = sdk;
    this.serviceName = serviceName;
    this.tracesEndpoint = tracesEndpoint;
  }

  static SdkSetup create(String agentVersion, AgentConfig agentConfig, AgentLogger logger) {
    return create(agentVersion, agentConfig, logger, new AgentSpanMetrics());
  }

  /**
   * Builds the SDK. A bad option value is reported with one WARN each and its default used; if the
   * SDK still refuses the configuration, one WARN says why and it is built again with every {@code
   * otel.*} option the user set ignored (service name and resource attributes kept), so the
   * application always starts traced.
   */
  static SdkSetup create(
      String agentVersion, AgentConfig agentConfig, AgentLogger logger, AgentSpanMetrics spans) {
    try {
      return build(agentVersion, agentConfig, logger, spans, false);
    } catch (RuntimeException | LinkageError e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      logger.warn(
          "OpenTelemetry configuration rejected ("
              + (cause == e ? e.toString() : e + ", caused by " + cause)
              + "); starting with Meerkat's defaults instead of the otel.* options set");
      return build(agentVersion, agentConfig, AgentLogger.silent(), spans, true);
    }
  }

  private static SdkSetup build(
      String agentVersion,
      AgentConfig agentConfig,
      AgentLogger logger,
      AgentSpanMetrics spans,
      boolean ignoreUserOptions) {
    AtomicReference<Resource> resource = new AtomicReference<>(Resource.empty());
    AtomicReference<ConfigProperties> config = new AtomicReference<>();
    AtomicReference<WeightedSampler> sampler = new AtomicReference<>();
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            // Exporter providers are found with ServiceLoader: look in the agent class loader.
            .setServiceClassLoader(SdkSetup.class.getClassLoader())
            // Our own hook bounds the final flush (see registerShutdownHook).
            .disableShutdownHook()
            .addPropertiesSupplier(() -> DEFAULTS)
            .addPropertiesCustomizer(
                properties -> {
                  Map<String, String> overrides =
                      ignoreUserOptions
                          ? userOptionsReset(agentConfig, properties)
                          : checkedOptions(properties, agentConfig, logger, sampler);
                  if (sampler.get() == null) {
                    sampler.set(
                        SamplerSettings.create(
                            null,
                            null,
                            null,
                            PathSamplingRules.NONE,
                            new ArrayList<String>(),
                            System::nanoTime));
                  }
                  // Our sampler replaces the SDK's (below): keep autoconfigure from parsing
                  // names it does not know, such as meerkat_rate_limited.
                  overrides.put("otel.traces.sampler", "always_on");
                  overrides.put("otel.traces.sampler.arg", "");
                  return overrides;
                })
            .addSamplerCustomizer((ignored, properties) -> sampler.get())
            .addSpanExporterCustomizer((exporter, properties) -> spans.wrap(exporter))
            .addSpanProcessorCustomizer(
                (processor, properties) ->
                    processor instanceof BatchSpanProcessor
                        ? spans.bound(processor, properties.getInt("otel.bsp.max.queue.size", 2048))
                        : processor)
            .addTracerProviderCustomizer(
                (builder, properties) -> builder.addSpanProcessor(spans.processor()))
            .addResourceCustomizer(
                (base, properties) -> {
                  Resource merged =
                      base.merge(
                          Resource.builder()
                              .put("telemetry.distro.name", "meerkat")
                              .put("telemetry.distro.version", agentVersion)
                              .build());
                  resource.set(merged);
                  config.set(properties);
                  return merged;
                })
            .build()
            .getOpenTelemetrySdk();
    registerShutdownHook(sdk);
    String serviceName = resource.get().getAttribute(AttributeKey.stringKey("service.name"));
    return new SdkSetup(sdk, serviceName, tracesEndpoint(config.get()));
  }

  private static Map<String, String> checkedOptions(
      ConfigProperties properties,
      AgentConfig agentConfig,
      AgentLogger logger,
      AtomicReference<WeightedSampler> sampler) {
    List<String> problems = new ArrayList<>();
    Map<String, String> overrides =
        OtelOptions.sanitize(properties, agentConfig.get("meerkat.prometheus.port"), problems);
    PathSamplingRules rules =
        PathSamplingRules.parse(
            agentConfig.get("meerkat.traces.exclude"),
            agentConfig.get("meerkat.traces.sampling.paths"),
            problems);
    WeightedSampler weighted =
        SamplerSettings.create(
            properties.getString("otel.traces.sampler"),
            properties.getString("otel.traces.sampler.arg"),
            agentConfig.get("meerkat.sampler.traces_per_second"),
            rules,
            problems,
            System::nanoTime);
    int prometheusPort = OtelOptions.prometheusPort(properties, overrides);
    sampler.set(prometheusPort > 0 ? weighted.excludingServerPort(prometheusPort) : weighted);
    for (String problem : problems) {
      logger.warn("Configuration: " + problem);
    }
    return overrides;
  }

  /**
   * Every {@code otel.*} option the user set, back to its default, except the resource's and the
   * endpoints (kept when valid, else their defaults: an empty endpoint is not a default).
   */
  private static Map<String, String> userOptionsReset(
      AgentConfig agentConfig, ConfigProperties properties) {
    Map<String, String> overrides = new HashMap<>();
    for (String name : agentConfig.otelOptionNames()) {
      if (!name.equals("otel.service.name")
          && !name.equals("otel.resource.attributes")
          && !name.endsWith(".endpoint")) {
        overrides.put(name, "");
      }
    }
    Map<String, String> checked = OtelOptions.sanitize(properties, null, new ArrayList<String>());
    for (Map.Entry<String, String> entry : checked.entrySet()) {
      if (entry.getKey().endsWith(".endpoint")) {
        overrides.put(entry.getKey(), entry.getValue());
      }
    }
    overrides.putAll(DEFAULTS);
    return overrides;
  }

  /**
   * Flushes what is buffered when the JVM exits, but never holds the exit longer than {@link
   * #SHUTDOWN_TIMEOUT_MILLIS}: with the collector down, the SDK's own hook waits for export
   * timeouts and retries (14 s measured), which would delay every restart of the application. The
   * shutdown runs in a daemon thread because part of it (the last metric export) blocks before the
   * SDK returns its result.
   */
  private static void registerShutdownHook(OpenTelemetrySdk sdk) {
    Runnable flush = () -> sdk.shutdown().join(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    Runnable hook =
        () -> {
          Thread flusher = new Thread(flush, "meerkat-agent-flush");
          flusher.setDaemon(true);
          flusher.start();
          try {
            flusher.join(SHUTDOWN_TIMEOUT_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(hook, "meerkat-agent-shutdown"));
  }

  /** For the start line only; the exporter resolves the endpoint itself. */
  static String tracesEndpoint(ConfigProperties config) {
    if (config == null) {
      return "?";
    }
    String traces = config.getString("otel.exporter.otlp.traces.endpoint");
    if (traces != null) {
      return traces;
    }
    String base = config.getString("otel.exporter.otlp.endpoint", "http://localhost:4318");
    return base + (base.endsWith("/") ? "" : "/") + "v1/traces";
  }
}
