package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Bridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.SyncHttpClientTracing;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Client spans for the classic (blocking) API of Apache HttpClient 5: every {@code execute} of a
 * {@code CloseableHttpClient} ends in {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)}
 * of the builder's {@code InternalHttpClient} or of {@code MinimalHttpClient}. The async clients
 * are not traced.
 */
public final class ApacheHttpClient5Module extends InstrumentationModule {
  public ApacheHttpClient5Module() {
    super("apache-httpclient-5");
  }

  @Override
  public String supportedVersions() {
    return "Apache HttpClient 5.x, classic API";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires("org.apache.hc.client5.http.impl.classic.CloseableHttpClient");
  }

  @Override
  public void activate(InstrumentationContext context) {
    ApacheHttpClient5Bridge.hook =
        new ApacheHttpClient5Tracer(SyncHttpClientTracing.create(context));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(
                namedOneOf(
                    "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
                    "org.apache.hc.client5.http.impl.classic.MinimalHttpClient"))
            .advise(
                named("doExecute").and(takesArguments(3)),
                "dev.meerkat.agent.instrumentation.apachehttpclient.v5_0.DoExecuteAdvice")
            .build());
  }
}
