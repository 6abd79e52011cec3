package dev.meerkat.agent.tooling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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
  private final boolean instrumentationDefaultEnabled;

  /** Every option some component asked for: known, whoever owns it. */
  private final Set<String> queried = Collections.newSetFromMap(new ConcurrentHashMap<>());

  /**
   * The {@code meerkat.*} options of the agent core. Any option read through {@link #get} (by an
   * instrumentation module, say) is known too; any other is reported once at start.
   */
  static final List<String> KNOWN_OPTIONS =
      Collections.unmodifiableList(
          Arrays.asList(
              "meerkat.agent.enabled",
              "meerkat.agent.log.level",
              "meerkat.sampler.traces_per_second",
              "meerkat.traces.exclude",
              "meerkat.traces.sampling.paths",
              "meerkat.prometheus.port"));

  /** Names switchable with {@code otel.instrumentation.<name>.enabled} that are no module. */
  static final List<String> BUILT_IN_INSTRUMENTATIONS =
      Collections.unmodifiableList(Arrays.asList("common", "runtime-telemetry"));

  private AgentConfig(Map<String, String> properties, Map<String, String> environment) {
    this.properties = Collections.unmodifiableMap(new HashMap<>(properties));
    this.environment = Collections.unmodifiableMap(new HashMap<>(environment));
    this.enabled = !"false".equalsIgnoreCase(get("meerkat.agent.enabled"));
    this.logLevel = AgentLogger.Level.parse(get("meerkat.agent.log.level"), AgentLogger.Level.INFO);
    this.instrumentationDefaultEnabled =
        !"false".equalsIgnoreCase(get("otel.instrumentation.common.default-enabled"));
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
    String value = get("otel.instrumentation." + name + ".enabled");
    if (value == null || value.trim().isEmpty()) {
      return instrumentationDefaultEnabled;
    }
    return !"false".equalsIgnoreCase(value.trim());
  }

  /**
   * The {@code meerkat.*} options set (as properties or {@code MEERKAT_*} variables) that the agent
   * does not know and nothing has read so far, sorted; variables are reported by their variable
   * name.
   */
  List<String> unknownOptions() {
    TreeSet<String> unknown = new TreeSet<>();
    List<String> known = new ArrayList<>(KNOWN_OPTIONS);
    known.addAll(queried);
    List<String> knownVariables = new ArrayList<>();
    for (String name : known) {
      knownVariables.add(variableName(name));
    }
    for (String name : properties.keySet()) {
      if (name.startsWith("meerkat.") && !known.contains(name)) {
        unknown.add(name);
      }
    }
    for (String name : environment.keySet()) {
      if (name.startsWith("MEERKAT_") && !knownVariables.contains(name)) {
        unknown.add(name);
      }
    }
    return new ArrayList<>(unknown);
  }

  /**
   * The names in {@code otel.instrumentation.<name>.enabled} options that are neither in {@code
   * known} nor built in, sorted. A variable's name cannot tell a dash from an underscore, so
   * variables are compared in their variable form.
   */
  List<String> unknownInstrumentations(Collection<String> known) {
    List<String> all = new ArrayList<>(known);
    all.addAll(BUILT_IN_INSTRUMENTATIONS);
    List<String> knownVariables = new ArrayList<>();
    for (String name : all) {
      knownVariables.add(variableName(name));
    }
    TreeSet<String> unknown = new TreeSet<>();
    String prefix = "otel.instrumentation.";
    for (String name : properties.keySet()) {
      if (name.startsWith(prefix) && name.endsWith(".enabled")) {
        String module = name.substring(prefix.length(), name.length() - ".enabled".length());
        if (!all.contains(module)) {
          unknown.add(module);
        }
      }
    }
    for (String name : environment.keySet()) {
      if (name.startsWith("OTEL_INSTRUMENTATION_") && name.endsWith("_ENABLED")) {
        String module =
            name.substring("OTEL_INSTRUMENTATION_".length(), name.length() - "_ENABLED".length());
        if (!knownVariables.contains(module) && !module.equals("COMMON_DEFAULT")) {
          unknown.add(module.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
      }
    }
    return new ArrayList<>(unknown);
  }

  /** The {@code otel.*} options set, in property form (variables converted). */
  List<String> otelOptionNames() {
    TreeSet<String> names = new TreeSet<>();
    for (String name : properties.keySet()) {
      if (name.startsWith("otel.")) {
        names.add(name);
      }
    }
    for (String name : environment.keySet()) {
      if (name.startsWith("OTEL_")) {
        names.add(name.toLowerCase(Locale.ROOT).replace('_', '.'));
      }
    }
    return new ArrayList<>(names);
  }

  private static String variableName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The property, else its environment variable (upper case, dots and dashes as underscores). */
  String get(String property) {
    queried.add(property);
    String value = properties.get(property);
    if (value != null) {
      return value;
    }
    return environment.get(variableName(property));
  }
}
