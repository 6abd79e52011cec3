package dev.meerkat.agent.tooling;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.util.Collections;

/**
 * What a module gets when it is activated: the SDK, its configuration and logger, and the switch
 * that turns it off. Hook implementations catch what they throw and call {@link #fail}: the module
 * then goes inert with one WARN, and the application never sees the error.
 */
public final class InstrumentationContext {
  private final String moduleName;
  private final OpenTelemetry openTelemetry;
  private final String agentVersion;
  private final AgentConfig config;
  private final AgentLogger logger;
  private volatile boolean active = true;

  InstrumentationContext(
      String moduleName,
      OpenTelemetry openTelemetry,
      String agentVersion,
      AgentConfig config,
      AgentLogger logger) {
    this.moduleName = moduleName;
    this.openTelemetry = openTelemetry;
    this.agentVersion = agentVersion;
    this.config = config;
    this.logger = logger;
  }

  /** A context for tests: a module named {@code name} on the given SDK, logging nowhere. */
  public static InstrumentationContext forTesting(String name, OpenTelemetry openTelemetry) {
    return new InstrumentationContext(
        name,
        openTelemetry,
        "test",
        AgentConfig.create(
            Collections.<String, String>emptyMap(), Collections.<String, String>emptyMap()),
        new AgentLogger(AgentLogger.Level.OFF, System.err));
  }

  public String moduleName() {
    return moduleName;
  }

  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  public String agentVersion() {
    return agentVersion;
  }

  public AgentConfig config() {
    return config;
  }

  public AgentLogger logger() {
    return logger;
  }

  /** This module's tracer, scope {@code dev.meerkat.agent.<module>}. */
  public Tracer tracer() {
    return openTelemetry.getTracer(scopeName(), agentVersion);
  }

  /** This module's meter, scope {@code dev.meerkat.agent.<module>}. */
  public Meter meter() {
    return openTelemetry
        .getMeterProvider()
        .meterBuilder(scopeName())
        .setInstrumentationVersion(agentVersion)
        .build();
  }

  private String scopeName() {
    return "dev.meerkat.agent." + moduleName;
  }

  /** False once the module has failed; hooks then do nothing. A volatile read. */
  public boolean isActive() {
    return active;
  }

  /** Turns the module off after an unexpected error, with one WARN for the first error. */
  public void fail(Throwable error) {
    if (!active) {
      return;
    }
    synchronized (this) {
      if (!active) {
        return;
      }
      active = false;
    }
    logger.log(
        AgentLogger.Level.WARN,
        "Instrumentation " + moduleName + " disabled after an unexpected error: " + error,
        error);
  }
}
