package dev.meerkat.agent.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.jedis.JedisBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Jedis 3.x to 6.x: a CLIENT span per Redis command, on {@code redis.clients.jedis.Connection}.
 * From 4.0 a command runs through {@code executeCommand(CommandObject)}, which writes it and reads
 * the reply: the span covers both and a server error marks it. In 3.x (and for the raw {@code
 * sendCommand} API and pipelines of 4.0+) the reply is read by a separate call, so the span covers
 * writing the command only.
 */
public final class JedisModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.jedis.";

  public JedisModule() {
    super("jedis");
  }

  @Override
  public String supportedVersions() {
    return "redis.clients:jedis 3.0 - 6.x";
  }

  @Override
  public LibraryCheck libraryCheck() {
    // redis.clients.jedis.util arrived in 3.0 (2.x had redis.clients.util).
    return LibraryCheck.requires(
        "redis.clients.jedis.Connection", "redis.clients.jedis.util.SafeEncoder");
  }

  @Override
  public void activate(InstrumentationContext context) {
    JedisBridge.hook = new JedisTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(named("redis.clients.jedis.Connection"))
            .advise(
                named("sendCommand")
                    .and(isPublic())
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("redis.clients.jedis.commands.ProtocolCommand")))
                    .and(takesArgument(1, byte[][].class)),
                PACKAGE + "SendCommandAdvice")
            .advise(
                named("executeCommand")
                    .and(isPublic())
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("redis.clients.jedis.CommandObject"))),
                PACKAGE + "ExecuteCommandAdvice")
            .advise(
                named("sendCommand")
                    .and(isPublic())
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("redis.clients.jedis.CommandArguments"))),
                PACKAGE + "SendArgumentsAdvice")
            .build());
  }
}
