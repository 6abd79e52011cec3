package dev.meerkat.agent.instrumentation.jdkhttpserver;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.Hooks;
import dev.meerkat.agent.tooling.InstrumentationModule;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Server spans for {@code com.sun.net.httpserver}: the JDK's server builds each exchange's filter
 * chain from {@code HttpContextImpl.getFilters()}, so putting our filter first in that list traces
 * every exchange, whatever handler or filters the application registers.
 */
public final class JdkHttpServerModule implements InstrumentationModule {
  @Override
  public String name() {
    return "jdk-http-server";
  }

  @Override
  public void activate(OpenTelemetry openTelemetry, String agentVersion) {
    Hooks.jdkHttpServerFilter = new TracingFilter(openTelemetry, agentVersion);
  }

  @Override
  public AgentBuilder transform(
      AgentBuilder builder, Instrumentation instrumentation, ClassLoader agent) {
    return builder
        .type(named("sun.net.httpserver.HttpContextImpl"))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(agent)
                .advice(
                    named("getFilters").and(takesArguments(0)),
                    "dev.meerkat.agent.instrumentation.jdkhttpserver.GetFiltersAdvice"))
        // jdk.httpserver is a named module; the bridge is in the bootstrap unnamed module.
        .assureReadEdgeTo(instrumentation, Hooks.class);
  }
}
