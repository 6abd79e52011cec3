package dev.meerkat.agent.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.Hooks;
import dev.meerkat.agent.tooling.InstrumentationModule;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Client spans for the JDK's {@code HttpURLConnection} ({@code sun.net.www.protocol.http}; HTTPS
 * delegates to a subclass of it, so both are covered by instrumenting this one class).
 */
public final class HttpUrlConnectionModule implements InstrumentationModule {
  @Override
  public String name() {
    return "http-url-connection";
  }

  @Override
  public void activate(OpenTelemetry openTelemetry, String agentVersion) {
    Hooks.httpUrlConnection = new UrlConnectionTracer(openTelemetry, agentVersion);
  }

  @Override
  public AgentBuilder transform(
      AgentBuilder builder, Instrumentation instrumentation, ClassLoader agent) {
    return builder
        .type(named("sun.net.www.protocol.http.HttpURLConnection"))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(agent)
                .advice(
                    named("connect")
                        .or(named("getOutputStream"))
                        .or(named("getInputStream"))
                        .and(takesArguments(0)),
                    "dev.meerkat.agent.instrumentation.httpurlconnection.ConnectionAdvice"))
        .assureReadEdgeTo(instrumentation, Hooks.class);
  }
}
