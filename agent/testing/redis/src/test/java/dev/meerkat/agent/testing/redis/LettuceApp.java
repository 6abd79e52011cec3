package dev.meerkat.agent.testing.redis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The app in the child JVM: one Lettuce connection to database 1; {@code GET /run} runs SET, GET
 * and a refused INCR with the sync API, then SET and GET with the async API. Argument: the Redis
 * port.
 */
public final class LettuceApp {
  private LettuceApp() {}

  public static void main(String[] args) throws Exception {
    RedisClient client = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + args[0] + "/1"));
    StatefulRedisConnection<String, String> connection = client.connect();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/run", exchange -> run(exchange, connection));
    server.start();
    System.out.println("READY " + server.getAddress().getPort());
  }

  private static void run(HttpExchange exchange, StatefulRedisConnection<String, String> connection)
      throws IOException {
    RedisCommands<String, String> sync = connection.sync();
    sync.set("user:1", "alice");
    String body = sync.get("user:1");
    try {
      sync.incr("user:1");
    } catch (RedisCommandExecutionException e) {
      body += " " + e.getMessage();
    }
    RedisAsyncCommands<String, String> async = connection.async();
    try {
      async.set("user:2", "bob").get();
      body += " " + async.get("user:2").get();
    } catch (Exception e) {
      throw new IOException(e);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
