package dev.meerkat.agent.tooling;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Meerkat's own options, read once from system properties and environment variables (a property
 * wins over its variable). The {@code otel.*} options of the SDK are read by the SDK's
 * autoconfigure module from the same two sources.
 */
public final class AgentConfig {
  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final boolean enabled;
  private final AgentLogger.Level logLevel;

  private AgentConfig(Map<String, String> properties, Map<String, String> environment) {
    this.properties = Collections.unmodifiableMap(new HashMap<>(properties));
    this.environment = Collections.unmodifiableMap(new HashMap<>(environment));
    this.enabled = !"false".equalsIgnoreCase(get("meerkat.agent.enabled"));
    this.logLevel = AgentLogger.Level.parse(get("meerkat.agent.log.level"), AgentLogger.Level.INFO);
  }

  public static AgentConfig create(Map<String, String> properties, Map<String, String> env) {
    return new AgentConfig(properties, env);
  }

  /** Snapshot of this JVM's system properties and environment. */
  public static AgentConfig fromSystem() {
    Map<String, String> properties = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("meerkat.") || name.startsWith("otel.")) {
        properties.put(name, System.getProperty(name));
      }
    }
    return new AgentConfig(properties, System.getenv());
  }

  /** {@code meerkat.agent.enabled} / {@code MEERKAT_AGENT_ENABLED}; default true. */
  public boolean agentEnabled() {
    return enabled;
  }

  /** {@code meerkat.agent.log.level} / {@code MEERKAT_AGENT_LOG_LEVEL}; default INFO. */
  public AgentLogger.Level logLevel() {
    return logLevel;
  }

  /**
   * {@code otel.instrumentation.<name>.enabled} / {@code OTEL_INSTRUMENTATION_<NAME>_ENABLED},
   * default true: the switch the OpenTelemetry Java agent uses, so users know it already.
   */
  public boolean instrumentationEnabled(String name) {
    return !"false".equalsIgnoreCase(get("otel.instrumentation." + name + ".enabled"));
  }

  /** The property, else its environment variable (upper case, dots and dashes as underscores). */
  String get(String property) {
    String value = properties.get(property);
    if (value != null) {
      return value;
    }
    return environment.get(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
  }
}
