package dev.meerkat.agent.instrumentation.springwebmvc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.springwebmvc.SpringWebMvcBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Names the request's SERVER span (started by servlet-javax or servlet-jakarta) by the Spring MVC
 * route template: {@code GET /owners/{ownerId}}, with {@code http.route}. It starts no span.
 */
public final class SpringWebMvcModule extends InstrumentationModule {
  public SpringWebMvcModule() {
    super("spring-webmvc");
  }

  @Override
  public String supportedVersions() {
    return "Spring MVC 5.0 - 7.x";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires(
        "org.springframework.web.servlet.DispatcherServlet",
        "org.springframework.web.servlet.HandlerExecutionChain",
        "org.springframework.web.context.request.RequestContextHolder",
        "org.springframework.web.servlet.resource.ResourceHttpRequestHandler");
  }

  @Override
  public void activate(InstrumentationContext context) {
    SpringWebMvcBridge.hook = new RouteNamer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(named("org.springframework.web.servlet.DispatcherServlet"))
            .advise(
                named("getHandler").and(takesArguments(1)),
                "dev.meerkat.agent.instrumentation.springwebmvc.GetHandlerAdvice")
            .build());
  }
}
