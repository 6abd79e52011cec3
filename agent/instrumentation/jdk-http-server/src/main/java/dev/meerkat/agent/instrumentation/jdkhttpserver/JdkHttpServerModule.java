package dev.meerkat.agent.instrumentation.jdkhttpserver;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.jdkhttpserver.JdkHttpServerBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Server spans for {@code com.sun.net.httpserver}: the JDK's server builds each exchange's filter
 * chain from {@code HttpContextImpl.getFilters()}, so putting our filter first in that list traces
 * every exchange, whatever handler or filters the application registers.
 */
public final class JdkHttpServerModule extends InstrumentationModule {
  public JdkHttpServerModule() {
    super("jdk-http-server");
  }

  @Override
  public String supportedVersions() {
    return "JDK HTTP server (com.sun.net.httpserver), Java 8+";
  }

  @Override
  public void activate(InstrumentationContext context) {
    JdkHttpServerBridge.filter = new TracingFilter(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(named("sun.net.httpserver.HttpContextImpl"))
            .advise(
                named("getFilters").and(takesArguments(0)),
                "dev.meerkat.agent.instrumentation.jdkhttpserver.GetFiltersAdvice")
            .build());
  }
}
