package dev.meerkat.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /checkout} asks the inventory with java.net.http, {@code GET /checkout/legacy} with
 * HttpURLConnection; 200 when the inventory answers 2xx, else 502. Run with {@code
 * -Dsun.net.httpserver.nodelay=true} (Nagle + delayed ACK otherwise cap throughput).
 *
 * <p>Arguments / environment: port ({@code CHECKOUT_PORT}, 8081), inventory base URL ({@code
 * INVENTORY_URL}, http://127.0.0.1:8082).
 */
public final class CheckoutService {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private static String inventoryUrl;

  private CheckoutService() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(DemoConfig.get(args, 0, "CHECKOUT_PORT", "8081"));
    inventoryUrl = DemoConfig.get(args, 1, "INVENTORY_URL", "http://127.0.0.1:8082");
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/checkout", CheckoutService::checkout);
    server.start();
    System.out.println("CheckoutService listening on " + server.getAddress().getPort());
  }

  private static void checkout(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    boolean legacy = path.equals("/checkout/legacy");
    if (!exchange.getRequestMethod().equals("GET") || !(legacy || path.equals("/checkout"))) {
      HttpResponses.send(exchange, 404, "not found\n");
      return;
    }
    URI uri =
        URI.create(inventoryUrl + "/inventory/sku-" + ThreadLocalRandom.current().nextInt(100));
    int status;
    try {
      status = legacy ? withUrlConnection(uri) : withHttpClient(uri);
    } catch (IOException e) {
      status = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = -1;
    }
    if (status >= 200 && status < 300) {
      HttpResponses.send(exchange, 200, "order placed\n");
    } else {
      HttpResponses.send(exchange, 502, "inventory unavailable (" + status + ")\n");
    }
  }

  private static int withHttpClient(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int withUrlConnection(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout((int) TIMEOUT.toMillis());
    connection.setReadTimeout((int) TIMEOUT.toMillis());
    int status = connection.getResponseCode();
    try (var in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (in != null) {
        in.readAllBytes(); // drain, so keep-alive can reuse the connection
      }
    }
    return status;
  }
}
