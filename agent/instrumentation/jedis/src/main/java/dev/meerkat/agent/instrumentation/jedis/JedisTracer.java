package dev.meerkat.agent.instrumentation.jedis;

import dev.meerkat.agent.bootstrap.jedis.JedisHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.RedisClientTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/** The {@link JedisHook}: one CLIENT span per command. */
final class JedisTracer implements JedisHook {
  private final InstrumentationContext context;
  private final RedisClientTelemetry telemetry;

  JedisTracer(InstrumentationContext context) {
    this.context = context;
    this.telemetry = RedisClientTelemetry.create(context);
  }

  @Override
  public Object start(byte[] command, byte[] firstArgument, int argumentCount) {
    if (!context.isActive() || command == null) {
      return null;
    }
    try {
      String name = new String(command, StandardCharsets.US_ASCII);
      String first =
          firstArgument == null ? null : new String(firstArgument, StandardCharsets.UTF_8);
      return telemetry.start(
          Context.current(),
          name,
          RedisClientTelemetry.queryText(name, first, argumentCount),
          null,
          0,
          -1);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public void end(Object call, Socket socket, Throwable error) {
    Span span = (Span) call;
    try {
      // Read at the end: Jedis 3 connects lazily, inside the first command.
      SocketAddress address = socket == null ? null : socket.getRemoteSocketAddress();
      if (address instanceof InetSocketAddress) {
        InetSocketAddress server = (InetSocketAddress) address;
        RedisClientTelemetry.server(span, server.getHostString(), server.getPort());
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
    RedisClientTelemetry.end(span, error);
  }
}
