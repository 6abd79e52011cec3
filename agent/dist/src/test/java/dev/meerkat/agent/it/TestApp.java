package dev.meerkat.agent.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The application the agent is attached to in the integration tests, run as a child JVM: {@code
 * /front/{java,async,legacy}?status=N} calls {@code /back?status=N} on itself with java.net.http
 * (send, sendAsync) or HttpURLConnection; the back end answers with status N.
 */
public final class TestApp {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static int port;

  public static void main(String[] args) throws IOException {
    System.gc(); // so that jvm.gc.duration has a point to export
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Not the default executor: /front calls /back on this same server.
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/back", TestApp::back);
    server.createContext("/front", TestApp::front);
    server.start();
    port = server.getAddress().getPort();
    System.out.println("READY " + port);
  }

  private static void back(HttpExchange exchange) throws IOException {
    respond(exchange, Integer.parseInt(query(exchange, "200")), "back");
  }

  private static void front(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String target = "http://127.0.0.1:" + port + "/back/item?status=" + query(exchange, "200");
    int status;
    try {
      if (path.endsWith("/legacy")) {
        HttpURLConnection connection = (HttpURLConnection) new URL(target).openConnection();
        status = connection.getResponseCode();
        status = connection.getResponseCode(); // a second call must not make a second span
        if (status < 300) {
          // After a 204 the JDK marks the connection as not connected again: reading the body
          // then must neither start a second span nor fail in the agent.
          connection.getInputStream().close();
        }
        connection.disconnect();
      } else {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).GET().build();
        status =
            path.endsWith("/async")
                ? CLIENT
                    .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .join()
                    .statusCode()
                : CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      }
    } catch (IOException | InterruptedException e) {
      status = 599;
    }
    respond(exchange, status < 400 ? 200 : 502, "front");
  }

  private static String query(HttpExchange exchange, String fallback) {
    String query = exchange.getRequestURI().getQuery();
    return query != null && query.startsWith("status=") ? query.substring(7) : fallback;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    if (status == 204) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
