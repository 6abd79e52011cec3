package dev.meerkat.agent.instrumentation.annotations;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasParameters;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.whereAny;

import dev.meerkat.agent.bootstrap.annotations.WithSpanBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spans for methods annotated with OpenTelemetry's {@code @WithSpan}. The type matcher has to look
 * at every method of every class, so the library check (the annotation class must be visible) comes
 * first: class loaders without the annotation never run it.
 */
public final class AnnotationsModule extends InstrumentationModule {
  private static final String ADVICE = "dev.meerkat.agent.instrumentation.annotations.";

  public AnnotationsModule() {
    super("opentelemetry-instrumentation-annotations");
  }

  @Override
  public String supportedVersions() {
    return "OpenTelemetry instrumentation annotations (@WithSpan, @SpanAttribute) 1.32 - 2.x";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires(AnnotationNames.WITH_SPAN);
  }

  @Override
  public void activate(InstrumentationContext context) {
    WithSpanBridge.hook = new WithSpanTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    ElementMatcher.Junction<MethodDescription> annotated =
        // Methods only: exit advice that catches cannot wrap a constructor's super() call, and
        // one such constructor would make the whole class fail to transform.
        isMethod()
            .and(isAnnotatedWith(named(AnnotationNames.WITH_SPAN)))
            .and(not(isAbstract()))
            .and(not(isNative()));
    ElementMatcher.Junction<MethodDescription> withAttributes =
        hasParameters(whereAny(isAnnotatedWith(named(AnnotationNames.SPAN_ATTRIBUTE))));
    return Collections.singletonList(
        TypeInstrumentation.forType(
                declaresMethod(isAnnotatedWith(named(AnnotationNames.WITH_SPAN))))
            .advise(annotated.and(not(withAttributes)), ADVICE + "WithSpanAdvice")
            .advise(
                annotated.and(withAttributes),
                ADVICE + "WithSpanAttributesAdvice",
                ADVICE + "WithSpanAdvice")
            .build());
  }
}
