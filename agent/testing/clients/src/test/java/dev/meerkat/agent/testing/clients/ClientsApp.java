package dev.meerkat.agent.testing.clients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The child JVM's application: a JDK HTTP server whose handlers call, with each client library, the
 * server's own {@code /target} (or a closed port), and a gRPC server and channel on loopback.
 * Prints {@code READY <http port> <closed port> <grpc port>}.
 *
 * <p>{@code /okhttp}, {@code /apache4}, {@code /apache5} take {@code mode} = sync, status500,
 * refused, async or nested; {@code /grpc} takes ok, fail or notfound. Each answers 200 with the
 * outcome of its call (a status code or an exception class) as the body.
 */
public final class ClientsApp {
  private ClientsApp() {}

  public static void main(String[] args) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(8));
    int port = server.getAddress().getPort();
    String target = "http://127.0.0.1:" + port + "/target";
    String refused = "http://127.0.0.1:" + closedPort + "/target";
    Calls okhttp = new OkHttpCalls(target);
    Calls apache4 = new Apache4Calls();
    Calls apache5 = new Apache5Calls();
    GrpcCalls grpc = new GrpcCalls(target);
    server.createContext("/target", ClientsApp::target);
    server.createContext("/okhttp", exchange -> call(exchange, okhttp, target, refused));
    server.createContext("/apache4", exchange -> call(exchange, apache4, target, refused));
    server.createContext("/apache5", exchange -> call(exchange, apache5, target, refused));
    server.createContext("/grpc", exchange -> respond(exchange, 200, grpc.call(mode(exchange))));
    server.start();
    System.out.println("READY " + port + " " + closedPort + " " + grpc.port());
  }

  /** One client library's calls; each returns the response status or the exception's class. */
  interface Calls {
    String sync(String url) throws Exception;

    String async(String url) throws Exception;

    /** A call whose own interceptor makes another instrumented client call to {@code inner}. */
    String nested(String url, String inner) throws Exception;
  }

  private static void call(HttpExchange exchange, Calls calls, String target, String refused)
      throws IOException {
    String mode = mode(exchange);
    String from = "?from=" + exchange.getHttpContext().getPath().substring(1) + "-" + mode;
    String outcome;
    try {
      switch (mode) {
        case "sync":
          outcome = calls.sync(target + from);
          break;
        case "status500":
          outcome = calls.sync(target + from + "&status=500");
          break;
        case "refused":
          outcome = calls.sync(refused + from);
          break;
        case "async":
          outcome = calls.async(target + from);
          break;
        case "nested":
          outcome = calls.nested(target + from, target + from + "-inner");
          break;
        default:
          throw new IllegalArgumentException(mode);
      }
    } catch (Exception e) {
      outcome = e.getClass().getName();
    }
    respond(exchange, 200, outcome);
  }

  private static String mode(HttpExchange exchange) {
    String query = exchange.getRequestURI().getQuery();
    return query.substring(query.indexOf('=') + 1);
  }

  private static void target(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    respond(exchange, query != null && query.endsWith("status=500") ? 500 : 200, "target");
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
