package dev.meerkat.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Context propagation across threads for the JDK's own executors: the context current when a task
 * is submitted is current while it runs, and only then. JDK classes only; executors of other
 * libraries that queue FutureTasks or run on these pools are covered through them.
 */
public final class ExecutorsModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.executors.";
  private static final String[] CALLBACK_TYPES = {
    "java.lang.Runnable",
    "java.util.function.Supplier",
    "java.util.function.Function",
    "java.util.function.Consumer",
    "java.util.function.BiFunction",
    "java.util.function.BiConsumer"
  };

  private static final Runnable NOTHING =
      new Runnable() {
        @Override
        public void run() {}
      };

  public ExecutorsModule() {
    super("executors");
  }

  @Override
  public String supportedVersions() {
    return "java.util.concurrent executors, ForkJoinPool, CompletableFuture, Java 8+;"
        + " virtual threads, Java 21+";
  }

  @Override
  public void activate(InstrumentationContext context) {
    // Load the wrapper now, not first inside a JDK method on an application thread.
    new ContextTask(Context.root(), NOTHING).run();

    ExecutorsBridge.hook = new ContextPropagation(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(named("java.util.concurrent.ThreadPoolExecutor"))
            .advise(named("execute").and(takesArguments(1)), PACKAGE + "ThreadPoolExecuteAdvice")
            .advise(named("remove").and(takesArguments(1)), PACKAGE + "ThreadPoolRemoveAdvice")
            .advise(
                named("shutdownNow").and(takesArguments(0)),
                PACKAGE + "ThreadPoolShutdownNowAdvice")
            .build(),
        TypeInstrumentation.forType(named("java.util.concurrent.FutureTask"))
            .advise(isConstructor(), PACKAGE + "FutureTaskAdvice")
            .build(),
        TypeInstrumentation.forType(named("java.util.concurrent.ForkJoinPool"))
            .advise(
                submitting(
                    "execute",
                    "submit",
                    "invoke",
                    "schedule",
                    "scheduleAtFixedRate",
                    "scheduleWithFixedDelay",
                    "submitWithTimeout"),
                PACKAGE + "PoolSubmitAdvice$One")
            .advise(
                submittingAll("invokeAll", "invokeAny", "invokeAllUninterruptibly"),
                PACKAGE + "PoolSubmitAdvice$All")
            .build(),
        // Java 21+: Executors.newThreadPerTaskExecutor and newVirtualThreadPerTaskExecutor.
        TypeInstrumentation.forType(named("java.util.concurrent.ThreadPerTaskExecutor"))
            .advise(submitting("execute", "submit"), PACKAGE + "PoolSubmitAdvice$One")
            .advise(submittingAll("invokeAll", "invokeAny"), PACKAGE + "PoolSubmitAdvice$All")
            .build(),
        TypeInstrumentation.forType(named("java.util.concurrent.ForkJoinTask"))
            .advise(named("fork").and(takesArguments(0)), PACKAGE + "ForkJoinAdvice$Fork")
            .advise(named("doExec").and(takesArguments(0)), PACKAGE + "ForkJoinAdvice$Exec")
            .build(),
        TypeInstrumentation.forType(named("java.util.concurrent.CompletableFuture"))
            .advise(callbackAt(0), PACKAGE + "CompletableFutureAdvice$FirstArgument")
            .advise(callbackAt(1), PACKAGE + "CompletableFutureAdvice$SecondArgument")
            .build(),
        TypeInstrumentation.forType(named("java.lang.VirtualThread"))
            .advise(named("start").and(takesArguments(1)), PACKAGE + "VirtualThreadAdvice$Start")
            .advise(
                named("run").and(takesArgument(0, named("java.lang.Runnable"))),
                PACKAGE + "VirtualThreadAdvice$Run")
            .build());
  }

  private static ElementMatcher<MethodDescription> submitting(String... names) {
    return isPublic()
        .and(namedOneOf(names))
        .and(
            takesArgument(
                0,
                namedOneOf(
                    "java.lang.Runnable",
                    "java.util.concurrent.Callable",
                    "java.util.concurrent.ForkJoinTask")));
  }

  private static ElementMatcher<MethodDescription> submittingAll(String... names) {
    return isPublic().and(namedOneOf(names)).and(takesArgument(0, named("java.util.Collection")));
  }

  private static ElementMatcher<MethodDescription> callbackAt(int index) {
    return isPublic().and(takesArgument(index, namedOneOf(CALLBACK_TYPES)));
  }
}
