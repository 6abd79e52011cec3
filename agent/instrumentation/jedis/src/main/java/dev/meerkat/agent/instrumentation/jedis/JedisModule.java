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
 * the reply: the span covers both. In 3.x (and for pipelines and the raw {@code sendCommand} API of
 * 4.0+) {@code sendCommand} writes the command and a later call reads the reply: the span starts
 * with the write and ends when the reply is read on the same thread, replies coming in the order
 * commands were written (pipelines included). Either way a server error marks the span.
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
            .advise(
                named("readProtocolWithCheckingBroken").and(takesArguments(0)),
                PACKAGE + "ReplyAdvice")
            .advise(
                named("disconnect").and(isPublic()).and(takesArguments(0)),
                PACKAGE + "DisconnectAdvice")
            .build());
  }
}
