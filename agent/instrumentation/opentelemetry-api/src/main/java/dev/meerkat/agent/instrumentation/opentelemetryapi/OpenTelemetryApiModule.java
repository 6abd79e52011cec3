package dev.meerkat.agent.instrumentation.opentelemetryapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * The application's own OpenTelemetry API joins the agent's traces. Two static methods are replaced
 * in effect: {@code ContextStorage.get()} returns a storage that keeps the application's context
 * inside the agent's (so both see the same current span), and {@code GlobalOpenTelemetry.get()}
 * returns tracers that create the agent's spans, unless the application registered an OpenTelemetry
 * of its own with traces.
 */
public final class OpenTelemetryApiModule extends InstrumentationModule {
  private static final String ADVICE = "dev.meerkat.agent.instrumentation.opentelemetryapi.";

  public OpenTelemetryApiModule() {
    super("opentelemetry-api");
  }

  @Override
  public String supportedVersions() {
    return "OpenTelemetry API for Java 1.4 - 1.x (traces and context)";
  }

  @Override
  public LibraryCheck libraryCheck() {
    // The bridge needs both the context and the trace API in the same class loader.
    return LibraryCheck.requires(ApplicationNames.CONTEXT_STORAGE, ApplicationNames.SPAN);
  }

  @Override
  public void activate(InstrumentationContext context) {
    OpenTelemetryApiBridge.hook =
        new AgentApi(context, OpenTelemetryApiModule.class.getClassLoader());
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(named(ApplicationNames.CONTEXT_STORAGE))
            .advise(
                named("get").and(isStatic()).and(takesArguments(0)),
                ADVICE + "ContextStorageAdvice")
            .build(),
        TypeInstrumentation.forType(named(ApplicationNames.GLOBAL_OPEN_TELEMETRY))
            .advise(
                named("get").or(named("getOrNoop")).and(isStatic()).and(takesArguments(0)),
                ADVICE + "GlobalOpenTelemetryAdvice")
            .build());
  }
}
