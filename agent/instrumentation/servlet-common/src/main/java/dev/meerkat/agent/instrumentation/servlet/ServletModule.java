package dev.meerkat.agent.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Server spans for one servlet namespace ({@code javax.servlet.} or {@code jakarta.servlet.}).
 * Every filter's {@code doFilter} and every servlet's {@code service(ServletRequest,
 * ServletResponse)} is advised; the outermost on a thread traces, so a request is one span whatever
 * filters, servlets, forwards and includes it passes. The two namespaces differ only in names, and
 * in the bridge their advice reads (each module owns its own).
 */
public abstract class ServletModule extends InstrumentationModule {
  private final String servletPackage;
  private final String advice;
  private final String versions;

  /**
   * @param servletPackage {@code "javax.servlet."} or {@code "jakarta.servlet."}
   * @param advice the module's advice class, which reads the module's own bridge
   */
  protected ServletModule(String name, String servletPackage, String advice, String versions) {
    super(name);
    this.servletPackage = servletPackage;
    this.advice = advice;
    this.versions = versions;
  }

  @Override
  public final String supportedVersions() {
    return versions;
  }

  /** The tracer the module's bridge hook is set to. */
  protected final ServletTracer tracer(InstrumentationContext context) {
    return new ServletTracer(context, servletPackage);
  }

  @Override
  public final LibraryCheck libraryCheck() {
    // AsyncContext and DispatcherType are 3.0+ (the jakarta namespace starts at 5.0 with them).
    return LibraryCheck.requires(
        servletPackage + "Filter",
        servletPackage + "AsyncContext",
        servletPackage + "DispatcherType");
  }

  @Override
  public final List<TypeInstrumentation> typeInstrumentations() {
    String p = servletPackage;
    return Collections.singletonList(
        TypeInstrumentation.forType(
                // Cheap name tests first: JDK classes never implement the servlet API.
                not(nameStartsWith("java."))
                    .and(not(nameStartsWith("jdk.")))
                    .and(not(nameStartsWith("sun.")))
                    .and(not(isInterface()))
                    .and(hasSuperType(named(p + "Filter").or(named(p + "Servlet")))))
            .advise(
                not(isAbstract())
                    .and(
                        named("doFilter")
                            .and(takesArguments(3))
                            .and(takesArgument(2, named(p + "FilterChain")))
                            .or(named("service").and(takesArguments(2))))
                    .and(takesArgument(0, named(p + "ServletRequest")))
                    .and(takesArgument(1, named(p + "ServletResponse"))),
                advice)
            .build());
  }
}
