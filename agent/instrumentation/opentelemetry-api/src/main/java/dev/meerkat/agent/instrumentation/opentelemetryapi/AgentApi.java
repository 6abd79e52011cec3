package dev.meerkat.agent.instrumentation.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.ApiHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The agent's side of the application API bridge: the bridge classes in the application's class
 * loader call these methods with the agent's objects as Object. Every method fails safe: an
 * unexpected error switches the module off (one WARN) and the application's call does nothing.
 */
final class AgentApi implements ApiHook {
  /** The application's state attached in an agent context (see BridgeContextStorage). */
  private static final ContextKey<Object> ATTACHED =
      ContextKey.named("meerkat-application-context");

  private final InstrumentationContext context;
  private final OpenTelemetry openTelemetry;
  private final ClassLoader agentLoader;

  /**
   * One bridge per API class loader, shared by its ContextStorage and GlobalOpenTelemetry. The
   * bridge is held strongly only by the application's classes (through the bootstrap ClassValue),
   * so the weak reference here lets the application's loader go.
   */
  private final Map<ClassLoader, WeakReference<Object>> bridges = new WeakHashMap<>();

  AgentApi(InstrumentationContext context, ClassLoader agentLoader) {
    this.context = context;
    this.openTelemetry = context.openTelemetry();
    this.agentLoader = agentLoader;
  }

  @Override
  public Object applicationBridge(ClassLoader apiLoader) {
    if (apiLoader == null || !context.isActive()) {
      return null;
    }
    try {
      synchronized (bridges) {
        WeakReference<Object> known = bridges.get(apiLoader);
        Object bridge = known == null ? null : known.get();
        if (bridge == null) {
          bridge =
              Class.forName(
                      ApplicationNames.BRIDGE_PACKAGE + "ApplicationApi",
                      true,
                      new ApplicationClassLoader(apiLoader, agentLoader))
                  .getConstructor()
                  .newInstance();
          bridges.put(apiLoader, new WeakReference<>(bridge));
          context.logger().debug("Application OpenTelemetry API bridged in " + apiLoader);
        }
        return bridge;
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // E.g. an API too old for the bridge classes: that application copy stays unbridged.
      context
          .logger()
          .debug("Application OpenTelemetry API in " + apiLoader + " not bridged: " + e);
      return null;
    }
  }

  @Override
  public Object currentContext() {
    try {
      return Context.current();
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object attached(Object agentContext) {
    try {
      return ((Context) agentContext).get(ATTACHED);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object span(Object agentContext) {
    try {
      Span span = Span.fromContextOrNull((Context) agentContext);
      return span != null && span.getSpanContext().isValid() ? span : null;
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public AutoCloseable attach(Object attached, Object span) {
    try {
      return Context.current()
          .with(span == null ? Span.getInvalid() : (Span) span)
          .with(ATTACHED, attached)
          .makeCurrent();
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object tracer(String name, String version, String schemaUrl) {
    try {
      TracerBuilder builder = openTelemetry.tracerBuilder(name);
      if (version != null) {
        builder.setInstrumentationVersion(version);
      }
      if (schemaUrl != null) {
        builder.setSchemaUrl(schemaUrl);
      }
      return builder.build();
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object spanBuilder(Object tracer, String name) {
    try {
      if (tracer == null || !context.isActive()) {
        return null;
      }
      return ((Tracer) tracer).spanBuilder(name);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public void setParent(Object builder, Object span) {
    try {
      if (builder != null) {
        ((SpanBuilder) builder)
            .setParent(span == null ? Context.root() : Context.root().with((Span) span));
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void setNoParent(Object builder) {
    try {
      if (builder != null) {
        ((SpanBuilder) builder).setNoParent();
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void setSpanKind(Object builder, String kind) {
    if (builder != null) {
      try {
        ((SpanBuilder) builder).setSpanKind(SpanKind.valueOf(kind));
      } catch (IllegalArgumentException newerKind) {
        // A kind this SDK does not know: keep the default.
      }
    }
  }

  @Override
  public void setStartTimestamp(Object builder, long timestamp, TimeUnit unit) {
    try {
      if (builder != null) {
        ((SpanBuilder) builder).setStartTimestamp(timestamp, unit);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void addLink(Object builderOrSpan, Object span, Object[] attributes) {
    try {
      if (builderOrSpan == null || span == null) {
        return;
      }
      Attributes linkAttributes = AttributeCodec.decode(attributes);
      if (builderOrSpan instanceof SpanBuilder) {
        ((SpanBuilder) builderOrSpan).addLink(((Span) span).getSpanContext(), linkAttributes);
      } else {
        ((Span) builderOrSpan).addLink(((Span) span).getSpanContext(), linkAttributes);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void setAttribute(Object builderOrSpan, String type, String key, Object value) {
    try {
      if (builderOrSpan != null) {
        AttributeCodec.set(builderOrSpan, type, key, value);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public Object startSpan(Object builder) {
    if (builder == null) {
      return null;
    }
    try {
      return ((SpanBuilder) builder).startSpan();
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public void addEvent(
      Object span, String name, Object[] attributes, long timestamp, TimeUnit unit) {
    try {
      if (span == null) {
        return;
      }
      if (unit == null) {
        ((Span) span).addEvent(name, AttributeCodec.decode(attributes));
      } else {
        ((Span) span).addEvent(name, AttributeCodec.decode(attributes), timestamp, unit);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void setStatus(Object span, String code, String description) {
    if (span != null) {
      try {
        ((Span) span).setStatus(StatusCode.valueOf(code), description);
      } catch (IllegalArgumentException newerCode) {
        // A status code this SDK does not know: keep the status.
      }
    }
  }

  @Override
  public void recordException(Object span, Throwable error, Object[] attributes) {
    try {
      if (span != null) {
        ((Span) span).recordException(error, AttributeCodec.decode(attributes));
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void updateName(Object span, String name) {
    try {
      if (span != null) {
        ((Span) span).updateName(name);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public void end(Object span, long timestamp, TimeUnit unit) {
    try {
      if (span == null) {
        return;
      }
      if (unit == null) {
        ((Span) span).end();
      } else {
        ((Span) span).end(timestamp, unit);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  @Override
  public boolean isRecording(Object span) {
    try {
      return span != null && ((Span) span).isRecording();
    } catch (RuntimeException e) {
      context.fail(e);
      return false;
    }
  }

  @Override
  public String[] spanContext(Object span) {
    try {
      return span == null ? null : SpanContextCodec.encode(((Span) span).getSpanContext());
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object wrap(String[] spanContext) {
    try {
      return SpanContextCodec.wrap(spanContext);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }
}
