package dev.meerkat.agent.instrumentation.servletjavax;

import dev.meerkat.agent.bootstrap.servletjavax.ServletJavaxBridge;
import dev.meerkat.agent.instrumentation.servlet.ServletModule;
import dev.meerkat.agent.tooling.InstrumentationContext;

/** Server spans for {@code javax.servlet} containers (see {@link ServletModule}). */
public final class ServletJavaxModule extends ServletModule {
  public ServletJavaxModule() {
    super(
        "servlet-javax",
        "javax.servlet.",
        "dev.meerkat.agent.instrumentation.servletjavax.ServletAdvice",
        "javax.servlet 3.0 - 4.0");
  }

  @Override
  public void activate(InstrumentationContext context) {
    ServletJavaxBridge.hook = tracer(context);
  }
}
