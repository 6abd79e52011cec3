package dev.meerkat.agent.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.httpurlconnection.HttpUrlConnectionBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Client spans for the JDK's {@code HttpURLConnection} ({@code sun.net.www.protocol.http}; HTTPS
 * delegates to a subclass of it, so both are covered by instrumenting this one class).
 */
public final class HttpUrlConnectionModule extends InstrumentationModule {
  public HttpUrlConnectionModule() {
    super("http-url-connection");
  }

  @Override
  public String supportedVersions() {
    return "java.net.HttpURLConnection (http and https), Java 8+";
  }

  @Override
  public void activate(InstrumentationContext context) {
    HttpUrlConnectionBridge.hook = new UrlConnectionTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(named("sun.net.www.protocol.http.HttpURLConnection"))
            .advise(
                named("connect")
                    .or(named("getOutputStream"))
                    .or(named("getInputStream"))
                    .and(takesArguments(0)),
                "dev.meerkat.agent.instrumentation.httpurlconnection.ConnectionAdvice")
            .build());
  }
}
