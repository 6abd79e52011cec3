package dev.meerkat.agent.instrumentation.annotations;

import dev.meerkat.agent.bootstrap.annotations.WithSpanHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One span per call of a {@code @WithSpan} method, current while the method runs. The annotation is
 * resolved once per method; after that a call costs two map look-ups and the span itself.
 */
final class WithSpanTracer implements WithSpanHook {
  static final AttributeKey<String> CODE_FUNCTION_NAME =
      AttributeKey.stringKey("code.function.name");

  /** A method that is not (or no longer) traceable: cached so it is looked at once. */
  private static final Object SKIP = new Object();

  private final InstrumentationContext context;
  private final Tracer tracer;

  /** Per class (held by the class, so classes can unload): "name+descriptor" to spec or SKIP. */
  private final ClassValue<ConcurrentHashMap<String, Object>> specs =
      new ClassValue<ConcurrentHashMap<String, Object>>() {
        @Override
        protected ConcurrentHashMap<String, Object> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  WithSpanTracer(InstrumentationContext context) {
    this.context = context;
    this.tracer = context.tracer();
  }

  @Override
  public Object start(Class<?> type, String method, Object[] arguments) {
    if (!context.isActive()) {
      return null;
    }
    try {
      MethodSpec spec = spec(type, method);
      if (spec == null) {
        return null;
      }
      Context parent = spec.inheritContext ? Context.current() : Context.root();
      SpanBuilder builder =
          tracer
              .spanBuilder(spec.spanName)
              .setSpanKind(spec.kind)
              .setParent(parent)
              .setAttribute(CODE_FUNCTION_NAME, spec.function);
      if (arguments != null) {
        setAttributes(builder, spec.attributeNames, arguments);
      }
      Span span = builder.startSpan();
      return new Call(span, parent.with(span).makeCurrent());
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setAttributes(SpanBuilder builder, String[] names, Object[] arguments) {
    for (int i = 0; i < names.length && i < arguments.length; i++) {
      Object argument = arguments[i];
      if (names[i] != null && argument != null) {
        builder.setAttribute(
            (AttributeKey) MethodSpec.key(names[i], argument), MethodSpec.value(argument));
      }
    }
  }

  private MethodSpec spec(Class<?> type, String method) {
    ConcurrentHashMap<String, Object> methods = specs.get(type);
    Object spec = methods.get(method);
    if (spec == null) {
      try {
        spec = MethodSpec.find(type, method);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        context
            .logger()
            .debug("@WithSpan not traced on " + type.getName() + "." + method + ": " + e);
      }
      methods.put(method, spec == null ? SKIP : spec);
    }
    return spec instanceof MethodSpec ? (MethodSpec) spec : null;
  }

  @Override
  public void end(Object call, Object returned, Throwable error) {
    Call started = (Call) call;
    try {
      started.scope.close();
      if (error == null && returned instanceof CompletionStage) {
        // The caller keeps the stage it was given; the span ends when that stage completes.
        ((CompletionStage<?>) returned).whenComplete(started);
      } else {
        started.end(error);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  /** A started span and its scope; as a callback, ends the span when a stage completes. */
  private static final class Call implements BiConsumer<Object, Throwable> {
    final Span span;
    final Scope scope;

    Call(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
    }

    @Override
    public void accept(Object result, Throwable failure) {
      end(
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure);
    }

    void end(Throwable error) {
      if (error != null) {
        span.setStatus(StatusCode.ERROR);
        span.recordException(error);
      }
      span.end();
    }
  }
}
