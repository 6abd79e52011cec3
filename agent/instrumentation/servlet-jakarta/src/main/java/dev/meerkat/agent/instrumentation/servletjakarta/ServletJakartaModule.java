package dev.meerkat.agent.instrumentation.servletjakarta;

import dev.meerkat.agent.bootstrap.servletjakarta.ServletJakartaBridge;
import dev.meerkat.agent.instrumentation.servlet.ServletModule;
import dev.meerkat.agent.tooling.InstrumentationContext;

/** Server spans for {@code jakarta.servlet} containers (see {@link ServletModule}). */
public final class ServletJakartaModule extends ServletModule {
  public ServletJakartaModule() {
    super(
        "servlet-jakarta",
        "jakarta.servlet.",
        "dev.meerkat.agent.instrumentation.servletjakarta.ServletAdvice",
        "jakarta.servlet 5.0 - 6.1");
  }

  @Override
  public void activate(InstrumentationContext context) {
    ServletJakartaBridge.hook = tracer(context);
  }
}
