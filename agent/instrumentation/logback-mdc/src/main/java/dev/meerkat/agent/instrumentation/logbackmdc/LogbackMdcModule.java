package dev.meerkat.agent.instrumentation.logbackmdc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.logbackmdc.LogbackMdcBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * {@code trace_id}, {@code span_id} and {@code trace_flags} in the MDC of every Logback event
 * logged while a span is current, so a {@code %X{trace_id}} pattern (or a JSON encoder's MDC) shows
 * them. The application's MDC itself is never touched.
 */
public final class LogbackMdcModule extends InstrumentationModule {
  public LogbackMdcModule() {
    super("logback-mdc");
  }

  @Override
  public String supportedVersions() {
    return "Logback 1.2+";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires("ch.qos.logback.classic.spi.LoggingEvent");
  }

  @Override
  public void activate(InstrumentationContext context) {
    LogbackMdcBridge.hook = new TraceIdsInMdc(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(named("ch.qos.logback.classic.spi.LoggingEvent"))
            .advise(
                named("getMDCPropertyMap").and(takesArguments(0)),
                "dev.meerkat.agent.instrumentation.logbackmdc.MdcPropertyMapAdvice")
            .build());
  }
}
