package dev.meerkat.agent.instrumentation.okhttp.v4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.okhttp.OkHttpBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Client spans for OkHttp 4.4+ and 5. Every call, synchronous or enqueued, runs the interceptor
 * chain once from its first link ({@code RealInterceptorChain.proceed} at index 0): the span covers
 * that run, and the trace headers go into the request handed to the first interceptor, so retries
 * and redirects stay inside one span. An enqueued call runs on a dispatcher thread in the context
 * of the code that enqueued it (its callback too). The agent's own relocated OkHttp has other class
 * names and is never matched.
 */
public final class OkHttpModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.okhttp.v4.";

  public OkHttpModule() {
    super("okhttp");
  }

  @Override
  public String supportedVersions() {
    return "OkHttp 4.4 - 5.x";
  }

  @Override
  public LibraryCheck libraryCheck() {
    // RealCall (and its AsyncCall) moved to this package in 4.4; before, it was okhttp3.RealCall.
    return LibraryCheck.requires(
        "okhttp3.internal.connection.RealCall", "okhttp3.internal.http.RealInterceptorChain");
  }

  @Override
  public void activate(InstrumentationContext context) {
    OkHttpBridge.hook = new OkHttpTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(named("okhttp3.internal.http.RealInterceptorChain"))
            .advise(named("proceed").and(takesArguments(1)), PACKAGE + "ProceedAdvice")
            .build(),
        TypeInstrumentation.forType(named("okhttp3.internal.connection.RealCall"))
            .advise(named("enqueue").and(takesArguments(1)), PACKAGE + "EnqueueAdvice")
            .build(),
        TypeInstrumentation.forType(named("okhttp3.internal.connection.RealCall$AsyncCall"))
            .advise(named("run").and(takesArguments(0)), PACKAGE + "AsyncRunAdvice")
            .build());
  }
}
