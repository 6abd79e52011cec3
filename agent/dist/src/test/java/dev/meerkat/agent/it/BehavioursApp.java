package dev.meerkat.agent.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The application of the behaviour tests: {@code /front} calls {@code /echo} on itself with
 * java.net.http and answers with what {@code /echo} saw, the propagation headers it received, one
 * {@code name=value} per line; {@code /health} answers 200.
 */
public final class BehavioursApp {
  static final List<String> HEADERS =
      List.of(
          "traceparent",
          "tracestate",
          "baggage",
          "b3",
          "X-B3-TraceId",
          "X-B3-SpanId",
          "X-B3-ParentSpanId",
          "X-B3-Sampled");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static int port;

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4)); // /front calls /echo on this server
    server.createContext("/echo", BehavioursApp::echo);
    server.createContext("/front", BehavioursApp::front);
    server.createContext("/health", exchange -> respond(exchange, "ok"));
    server.start();
    port = server.getAddress().getPort();
    System.out.println("READY " + port);
  }

  private static void echo(HttpExchange exchange) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String header : HEADERS) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        body.append(header).append('=').append(value).append('\n');
      }
    }
    respond(exchange, body.toString());
  }

  private static void front(HttpExchange exchange) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo")).build();
    String body;
    try {
      body = CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      body = "interrupted";
    }
    respond(exchange, body);
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
