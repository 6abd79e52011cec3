package dev.meerkat.agent.instrumentation.lettuce;

import dev.meerkat.agent.bootstrap.lettuce.LettuceHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.RedisClientTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/** The {@link LettuceHook}: one CLIENT span per dispatched command. */
final class LettuceTracer implements LettuceHook {
  private final InstrumentationContext context;
  private final RedisClientTelemetry telemetry;
  private final ThreadLocal<Server> connecting = new ThreadLocal<>();
  // Weak keys: an entry lives as long as the application holds the connection.
  private final Map<Object, Server> servers = new WeakHashMap<>();

  /** The last connection looked up, so one-connection applications skip the lock. */
  private volatile Lookup last;

  LettuceTracer(InstrumentationContext context) {
    this.context = context;
    this.telemetry = RedisClientTelemetry.create(context);
  }

  @Override
  public void connecting(String host, int port, int database) {
    connecting.set(new Server(host, port, database));
  }

  @Override
  public void connected(Object connection) {
    Server server = connecting.get();
    if (server != null) {
      synchronized (servers) {
        servers.put(connection, server);
      }
    }
  }

  @Override
  public void connectingDone() {
    connecting.remove();
  }

  @Override
  public Object start(Object connection, byte[] command, ByteBuffer firstKey, int argumentCount) {
    if (!context.isActive()) {
      return null;
    }
    try {
      Server server = server(connection);
      String name = new String(command, StandardCharsets.US_ASCII);
      String key =
          firstKey == null ? null : StandardCharsets.UTF_8.decode(firstKey.duplicate()).toString();
      return telemetry.start(
          Context.current(),
          name,
          RedisClientTelemetry.queryText(name, key, argumentCount),
          server == null ? null : server.host,
          server == null ? 0 : server.port,
          server == null ? -1 : server.database);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public void end(Object call, Object future, Throwable error) {
    Span span = (Span) call;
    if (error != null || !(future instanceof CompletableFuture)) {
      RedisClientTelemetry.end(span, error);
      return;
    }
    ((CompletableFuture<?>) future).whenComplete(new Completion(span));
  }

  private Server server(Object connection) {
    Lookup cached = last;
    if (cached != null && cached.connection.get() == connection) {
      return cached.server;
    }
    Server found;
    synchronized (servers) {
      found = servers.get(connection);
    }
    if (found != null) {
      last = new Lookup(connection, found);
    }
    return found;
  }

  /** Ends a command's span when its future completes. */
  private static final class Completion implements BiConsumer<Object, Throwable> {
    private final Span span;

    Completion(Span span) {
      this.span = span;
    }

    @Override
    public void accept(Object result, Throwable error) {
      RedisClientTelemetry.end(
          span,
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error);
    }
  }

  /** Where a connection goes (never holding the connection: it is the map's weak key). */
  private static final class Server {
    final String host;
    final int port;
    final int database;

    Server(String host, int port, int database) {
      this.host = host;
      this.port = port;
      this.database = database;
    }
  }

  private static final class Lookup {
    final WeakReference<Object> connection;
    final Server server;

    Lookup(Object connection, Server server) {
      this.connection = new WeakReference<>(connection);
      this.server = server;
    }
  }
}
