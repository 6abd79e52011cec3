package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Collections;
import java.util.HashMap;
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

  static SdkSetup create(String agentVersion) {
    AtomicReference<Resource> resource = new AtomicReference<>(Resource.empty());
    AtomicReference<ConfigProperties> config = new AtomicReference<>();
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            // Exporter providers are found with ServiceLoader: look in the agent class loader.
            .setServiceClassLoader(SdkSetup.class.getClassLoader())
            // Our own hook bounds the final flush (see registerShutdownHook).
            .disableShutdownHook()
            .addPropertiesSupplier(() -> DEFAULTS)
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
