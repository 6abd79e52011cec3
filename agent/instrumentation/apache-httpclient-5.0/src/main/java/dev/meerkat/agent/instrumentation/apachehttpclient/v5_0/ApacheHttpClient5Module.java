package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Bridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Client spans for Apache HttpClient 5. Classic (blocking) API: every {@code execute} of a {@code
 * CloseableHttpClient} ends in {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)} of the
 * builder's {@code InternalHttpClient} or of {@code MinimalHttpClient}. Async API: the builder's
 * clients ({@code InternalAbstractHttpAsyncClient}) end in a {@code doExecute} whose producer,
 * consumer and callback get wrapped by helper classes (see {@code HelperClassLoader}); the minimal
 * async clients are not traced.
 */
public final class ApacheHttpClient5Module extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.apachehttpclient.v5_0.";

  public ApacheHttpClient5Module() {
    super("apache-httpclient-5");
  }

  @Override
  public String supportedVersions() {
    return "Apache HttpClient 5.x (classic API; async API of the builder's clients)";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires("org.apache.hc.client5.http.impl.classic.CloseableHttpClient");
  }

  @Override
  public void activate(InstrumentationContext context) {
    ApacheHttpClient5Bridge.hook = new ApacheHttpClient5Tracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(
                namedOneOf(
                    "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
                    "org.apache.hc.client5.http.impl.classic.MinimalHttpClient"))
            .advise(named("doExecute").and(takesArguments(3)), PACKAGE + "DoExecuteAdvice")
            .build(),
        TypeInstrumentation.forType(
                named("org.apache.hc.client5.http.impl.async.InternalAbstractHttpAsyncClient"))
            .advise(named("doExecute").and(takesArguments(6)), PACKAGE + "AsyncDoExecuteAdvice")
            .build());
  }
}
