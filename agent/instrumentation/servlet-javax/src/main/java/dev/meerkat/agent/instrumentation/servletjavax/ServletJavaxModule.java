package dev.meerkat.agent.instrumentation.servletjavax;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.servletjavax.ServletJavaxBridge;
import dev.meerkat.agent.instrumentation.servlet.ServletTracer;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Server spans for {@code javax.servlet} containers. Every filter's {@code doFilter} and every
 * servlet's {@code service(ServletRequest, ServletResponse)} is advised; the outermost on a thread
 * traces, so a request is one span whatever filters, servlets, forwards and includes it passes.
 */
public final class ServletJavaxModule extends InstrumentationModule {
  private static final String PACKAGE = "javax.servlet.";
  private static final String ADVICE =
      "dev.meerkat.agent.instrumentation.servletjavax.ServletAdvice";

  public ServletJavaxModule() {
    super("servlet-javax");
  }

  @Override
  public String supportedVersions() {
    return "javax.servlet 3.0 - 4.0";
  }

  @Override
  public LibraryCheck libraryCheck() {
    // AsyncContext and DispatcherType are 3.0+.
    return LibraryCheck.requires(
        PACKAGE + "Filter", PACKAGE + "AsyncContext", PACKAGE + "DispatcherType");
  }

  @Override
  public void activate(InstrumentationContext context) {
    ServletJavaxBridge.hook = new ServletTracer(context, PACKAGE);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(
                // Cheap name tests first: JDK classes never implement the servlet API.
                not(nameStartsWith("java."))
                    .and(not(nameStartsWith("jdk.")))
                    .and(not(nameStartsWith("sun.")))
                    .and(not(isInterface()))
                    .and(hasSuperType(named(PACKAGE + "Filter").or(named(PACKAGE + "Servlet")))))
            .advise(
                not(isAbstract())
                    .and(
                        named("doFilter")
                            .and(takesArguments(3))
                            .and(takesArgument(2, named(PACKAGE + "FilterChain")))
                            .or(named("service").and(takesArguments(2))))
                    .and(takesArgument(0, named(PACKAGE + "ServletRequest")))
                    .and(takesArgument(1, named(PACKAGE + "ServletResponse"))),
                ADVICE)
            .build());
  }
}
