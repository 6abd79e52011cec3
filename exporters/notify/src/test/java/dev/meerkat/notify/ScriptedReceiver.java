package dev.meerkat.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 answering with scripted statuses and recording requests. */
final class ScriptedReceiver implements AutoCloseable {

  record Response(int status, Map<String, String> headers) {}

  record Received(
      String path,
      String query,
      String contentType,
      String idempotencyKey,
      String body,
      Map<String, List<String>> headers) {

    /** First value of a header, or null; names are case-insensitive. */
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  /** The receiver is on loopback, which the outbound policy refuses unless allowed. */
  static final OutboundPolicy ALLOWED = OutboundPolicy.allowing(List.of("127.0.0.1/32"));

  private final HttpServer server;
  private final Deque<Response> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  ScriptedReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  synchronized ScriptedReceiver thenRespond(int status, Map<String, String> headers) {
    script.add(new Response(status, headers));
    return this;
  }

  ScriptedReceiver thenRespond(int status) {
    return thenRespond(status, Map.of());
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getQuery(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            body,
            Map.copyOf(exchange.getRequestHeaders())));
    Response response = next();
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(response.status(), -1);
    exchange.close();
  }

  private synchronized Response next() {
    return script.size() > 1
        ? script.poll()
        : script.isEmpty() ? new Response(200, Map.of()) : script.peek();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
