package dev.meerkat.agent.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.Hooks;
import dev.meerkat.agent.tooling.InstrumentationModule;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Client spans for {@code java.net.http.HttpClient} (Java 11+). The public client is a facade over
 * {@code jdk.internal.net.http.HttpClientImpl}, whose public send/sendAsync are traced.
 */
public final class JavaHttpClientModule implements InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.javahttpclient.";

  @Override
  public String name() {
    return "java-http-client";
  }

  @Override
  public void activate(OpenTelemetry openTelemetry, String agentVersion) {
    Hooks.javaHttpClient = new HttpClientTracer(openTelemetry, agentVersion);
  }

  @Override
  public AgentBuilder transform(
      AgentBuilder builder, Instrumentation instrumentation, ClassLoader agent) {
    return builder
        .type(named("jdk.internal.net.http.HttpClientImpl"))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(agent)
                .advice(
                    named("send").and(takesArguments(2)).and(isPublic()), PACKAGE + "SendAdvice")
                .advice(
                    named("sendAsync").and(takesArguments(2).or(takesArguments(3))).and(isPublic()),
                    PACKAGE + "SendAdvice",
                    PACKAGE + "SendAsyncAdvice"))
        // java.net.http is a named module; the bridge is in the bootstrap unnamed module.
        .assureReadEdgeTo(instrumentation, Hooks.class);
  }
}
