package dev.meerkat.agent.instrumentation.webflux;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.webflux.WebFluxBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * SERVER spans and the {@code http.server.request.duration} histogram for Spring WebFlux, named by
 * the route template the request matched. {@code HttpWebHandlerAdapter} is where every WebFlux
 * request starts whatever the underlying server.
 */
public final class WebFluxModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.webflux.";
  static final String ADAPTER = "org.springframework.web.server.adapter.HttpWebHandlerAdapter";

  public WebFluxModule() {
    super("spring-webflux");
  }

  @Override
  public String supportedVersions() {
    return "Spring WebFlux 6.0+ (HttpWebHandlerAdapter, HttpStatusCode)";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires(
        ADAPTER, "org.springframework.http.HttpStatusCode", "reactor.core.publisher.MonoOperator");
  }

  @Override
  public void activate(InstrumentationContext context) {
    WebFluxBridge.hook = new WebFluxTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(named(ADAPTER))
            .advise(named("handle").and(takesArguments(2)), PACKAGE + "HandleAdvice")
            .advise(
                named("createExchange").and(takesArguments(2)), PACKAGE + "CreateExchangeAdvice")
            .build());
  }
}
