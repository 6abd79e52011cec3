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
import java.util.ArrayDeque;

/** The {@link JedisHook}: one CLIENT span per command. */
final class JedisTracer implements JedisHook {
  private final InstrumentationContext context;
  private static final int MAX_AWAITED = 1024;
  private final RedisClientTelemetry telemetry;

  /** Spans of commands written on this thread whose replies are not read yet, oldest first. */
  private final ThreadLocal<ArrayDeque<Span>> awaiting =
      new ThreadLocal<ArrayDeque<Span>>() {
        @Override
        protected ArrayDeque<Span> initialValue() {
          return new ArrayDeque<>();
        }
      };

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
  public void sent(Object call, Socket socket, Throwable error) {
    if (error != null) {
      end(call, socket, error);
      return;
    }
    Span span = (Span) call;
    server(span, socket);
    ArrayDeque<Span> awaited = awaiting.get();
    if (awaited.size() >= MAX_AWAITED) {
      // Replies that are never read (a protocol this instrumentation does not know): give up on
      // the oldest rather than grow without bound.
      RedisClientTelemetry.end(awaited.poll(), null);
    }
    awaited.add(span);
  }

  @Override
  public void replied(Throwable error) {
    Span span = awaiting.get().poll();
    if (span != null) {
      RedisClientTelemetry.end(span, error);
    }
  }

  @Override
  public void disconnected() {
    ArrayDeque<Span> awaited = awaiting.get();
    for (Span span = awaited.poll(); span != null; span = awaited.poll()) {
      RedisClientTelemetry.end(span, null);
    }
  }

  @Override
  public void end(Object call, Socket socket, Throwable error) {
    Span span = (Span) call;
    server(span, socket);
    RedisClientTelemetry.end(span, error);
  }

  private void server(Span span, Socket socket) {
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
  }
}
