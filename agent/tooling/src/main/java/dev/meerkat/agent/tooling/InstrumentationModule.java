package dev.meerkat.agent.tooling;

import io.opentelemetry.api.OpenTelemetry;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * One instrumentation (one library family). Implementations have a public no-argument constructor,
 * live in the agent class loader and refer to their target classes by name only.
 */
public interface InstrumentationModule {
  /** The name in {@code otel.instrumentation.<name>.enabled}. */
  String name();

  /** Installs the bootstrap hook the advice calls; runs before any class is transformed. */
  void activate(OpenTelemetry openTelemetry, String agentVersion);

  /** Adds this module's type transformations, with advice referenced by class name. */
  AgentBuilder transform(AgentBuilder builder, Instrumentation instrumentation, ClassLoader agent);
}
