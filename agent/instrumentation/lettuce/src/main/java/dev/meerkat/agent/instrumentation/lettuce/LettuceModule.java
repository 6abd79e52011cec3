package dev.meerkat.agent.instrumentation.lettuce;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.lettuce.LettuceBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Lettuce 5.x and 6.x: a CLIENT span per command of the async API, which the sync API runs on too.
 * The span starts when {@code AbstractRedisAsyncCommands.dispatch} hands the command over (on the
 * caller's thread, so the caller's span is its parent) and ends when its future completes. The
 * server address and database come from the {@code RedisURI} the standalone connection was made
 * with.
 */
public final class LettuceModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.lettuce.";

  public LettuceModule() {
    super("lettuce");
  }

  @Override
  public String supportedVersions() {
    return "io.lettuce:lettuce-core 5.1 - 6.x";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires(
        "io.lettuce.core.AbstractRedisAsyncCommands", "io.lettuce.core.protocol.AsyncCommand");
  }

  @Override
  public void activate(InstrumentationContext context) {
    LettuceBridge.hook = new LettuceTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(named("io.lettuce.core.RedisClient"))
            .advise(
                named("connectStandaloneAsync")
                    .and(takesArguments(3))
                    .and(takesArgument(1, named("io.lettuce.core.RedisURI"))),
                PACKAGE + "ConnectAdvice")
            .advise(named("newStatefulRedisConnection"), PACKAGE + "NewConnectionAdvice")
            .build(),
        TypeInstrumentation.forType(named("io.lettuce.core.AbstractRedisAsyncCommands"))
            .advise(
                named("dispatch")
                    .and(isPublic())
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("io.lettuce.core.protocol.RedisCommand"))),
                PACKAGE + "DispatchAdvice")
            .build());
  }
}
