import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The application the overhead harness measures: a JDK HttpServer answering {@code GET /work}
 * with a small body after a little CPU work, the same for every agent. Run with
 * {@code -Dsun.net.httpserver.nodelay=true} (without it Nagle + delayed ACK cap it at ~350 rps).
 */
public final class BenchApp {
  private BenchApp() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/work",
        exchange -> {
          byte[] body = answer(exchange.getRequestURI().getRawQuery());
          exchange.getResponseHeaders().set("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("READY " + port);
  }

  /** A few microseconds of work, so the request is not only socket wake-ups. */
  private static byte[] answer(String query) {
    long hash = 1125899906842597L;
    String text = query == null ? "none" : query;
    for (int round = 0; round < 50; round++) {
      for (int i = 0; i < text.length(); i++) {
        hash = 31 * hash + text.charAt(i) + round;
      }
    }
    return ("ok " + Long.toHexString(hash) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
