package dev.meerkat.agent.instrumentation.log4j2mdc;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.log4j2mdc.Log4j2MdcBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * {@code trace_id}, {@code span_id} and {@code trace_flags} in the context data of every Log4j 2
 * event logged while a span is current, so a {@code %X{trace_id}} pattern shows them. The
 * OpenTelemetry agent adds a ContextDataProvider through ServiceLoader instead; that needs a class
 * of ours defined in the application's class loader, which this agent never does. ThreadContext
 * itself is never touched.
 */
public final class Log4j2MdcModule extends InstrumentationModule {
  public Log4j2MdcModule() {
    super("log4j2-mdc");
  }

  @Override
  public String supportedVersions() {
    return "Log4j 2.17+";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires(
        "org.apache.logging.log4j.core.impl.ThreadContextDataInjector",
        "org.apache.logging.log4j.util.SortedArrayStringMap");
  }

  @Override
  public void activate(InstrumentationContext context) {
    Log4j2MdcBridge.hook = new CurrentTraceIds(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // ForDefaultThreadContextMap, ForGarbageFreeThreadContextMap, ForCopyOnWriteThreadContextMap:
    // the injectors log4j-core picks (a custom log4j2.contextDataInjector is not covered).
    return Collections.singletonList(
        TypeInstrumentation.forType(
                nameStartsWith("org.apache.logging.log4j.core.impl.ThreadContextDataInjector$"))
            .advise(
                named("injectContextData").and(takesArguments(2)),
                "dev.meerkat.agent.instrumentation.log4j2mdc.InjectContextDataAdvice")
            .build());
  }
}
