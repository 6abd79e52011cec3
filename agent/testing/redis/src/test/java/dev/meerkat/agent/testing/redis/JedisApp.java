package dev.meerkat.agent.testing.redis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The app in the child JVM: {@code GET /run} opens a Jedis connection and runs SET, GET and an INCR
 * that the server refuses. Argument: the Redis port. Uses only API Jedis 3.0 has.
 */
public final class JedisApp {
  private JedisApp() {}

  public static void main(String[] args) throws Exception {
    int redisPort = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/run",
        exchange -> {
          try {
            run(exchange, redisPort);
          } catch (IOException | RuntimeException | Error e) {
            e.printStackTrace(); // the JDK server would drop it silently
            throw e;
          }
        });
    server.start();
    System.out.println("READY " + server.getAddress().getPort());
  }

  private static void run(HttpExchange exchange, int redisPort) throws IOException {
    String body;
    try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
      jedis.set("user:1", "alice");
      body = jedis.get("user:1");
      try {
        // incr returns Long in 3.x and long from 4.0: called reflectively to run on both.
        Jedis.class.getMethod("incr", String.class).invoke(jedis, "user:1");
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof JedisDataException)) {
          throw new IOException(e.getCause());
        }
        body += " " + e.getCause().getMessage();
      } catch (ReflectiveOperationException e) {
        throw new IOException(e);
      }
      Pipeline pipeline = jedis.pipelined();
      pipeline.set("user:2", "bob");
      Response<String> bob = pipeline.get("user:2");
      pipeline.sync();
      body += " " + bob.get();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
