package dev.meerkat.agent.threads;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Test app: logs "outside" (no span), then in {@code GET /log} "inside" (the SERVER span, with the
 * application's own MDC entry user=alice) and "task" (a pool task, the span propagated), then
 * "after" (no span again), each through Logback and Log4j 2, synchronous and asynchronous.
 */
public final class LoggingApp {
  private static final org.slf4j.Logger logback = LoggerFactory.getLogger("app");
  private static final org.slf4j.Logger logbackAsync = LoggerFactory.getLogger("async");
  private static final org.apache.logging.log4j.Logger log4j = LogManager.getLogger("app");
  private static final org.apache.logging.log4j.Logger log4jAsync = LogManager.getLogger("async");

  public static void main(String[] args) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    logAll("outside");
    CountDownLatch logged = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/log",
        exchange -> {
          String body = "ok";
          MDC.put("user", "alice");
          ThreadContext.put("user", "alice");
          try {
            logAll("inside");
            pool.submit(() -> logAll("task")).get();
          } catch (Exception e) {
            body = e.toString();
          } finally {
            MDC.remove("user");
            ThreadContext.remove("user");
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
          logged.countDown();
        });
    server.start();
    // Null for log4j-api's default map, which is not a ReadOnlyThreadContextMap.
    Object contextMap = ThreadContext.getThreadContextMap();
    System.out.println(
        "CONTEXT_MAP " + (contextMap == null ? "default" : contextMap.getClass().getSimpleName()));
    System.out.println("READY " + server.getAddress().getPort());
    logged.await();
    logAll("after");
    System.out.println("DONE");
  }

  private static void logAll(String message) {
    logback.info(message);
    logbackAsync.info(message);
    log4j.info(message);
    log4jAsync.info(message);
  }
}
