package dev.meerkat.agent.instrumentation.apachehttpclient.v4_3;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.apachehttpclient4.ApacheHttpClient4Bridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.SyncHttpClientTracing;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Client spans for Apache HttpClient 4.3+: every {@code execute} of a {@code CloseableHttpClient}
 * ends in {@code doExecute(HttpHost, HttpRequest, HttpContext)} of the client the builder made
 * ({@code InternalHttpClient}), of {@code HttpClients.createMinimal()}'s {@code MinimalHttpClient},
 * or of the deprecated {@code AbstractHttpClient} family ({@code DefaultHttpClient}).
 */
public final class ApacheHttpClient4Module extends InstrumentationModule {
  public ApacheHttpClient4Module() {
    super("apache-httpclient-4");
  }

  @Override
  public String supportedVersions() {
    return "Apache HttpClient 4.3 - 4.5";
  }

  @Override
  public LibraryCheck libraryCheck() {
    // CloseableHttpClient (and doExecute) arrived in 4.3.
    return LibraryCheck.requires("org.apache.http.impl.client.CloseableHttpClient");
  }

  @Override
  public void activate(InstrumentationContext context) {
    ApacheHttpClient4Bridge.hook =
        new ApacheHttpClient4Tracer(SyncHttpClientTracing.create(context));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(
                namedOneOf(
                    "org.apache.http.impl.client.InternalHttpClient",
                    "org.apache.http.impl.client.MinimalHttpClient",
                    "org.apache.http.impl.client.AbstractHttpClient"))
            .advise(
                named("doExecute").and(takesArguments(3)).and(not(isAbstract())),
                "dev.meerkat.agent.instrumentation.apachehttpclient.v4_3.DoExecuteAdvice")
            .build());
  }
}
