package dev.meerkat.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /inventory/{sku}}: usually fast, 5 % of calls take 300-800 ms, and a configurable
 * share fails with 500. {@code POST /admin/error-rate?value=0.5} changes that share at run time.
 *
 * <p>Arguments / environment: port ({@code INVENTORY_PORT}, 8082), error rate ({@code
 * INVENTORY_ERROR_RATE}, 0.03).
 */
public final class InventoryService {
  private static final double SLOW_RATIO = 0.05;
  private static volatile double errorRate;

  private InventoryService() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(DemoConfig.get(args, 0, "INVENTORY_PORT", "8082"));
    errorRate = Double.parseDouble(DemoConfig.get(args, 1, "INVENTORY_ERROR_RATE", "0.03"));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/inventory", InventoryService::inventory);
    server.createContext("/admin/error-rate", InventoryService::errorRate);
    server.start();
    System.out.println("InventoryService listening on " + server.getAddress().getPort());
  }

  private static void inventory(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      HttpResponses.send(exchange, 405, "method not allowed\n");
      return;
    }
    String sku = exchange.getRequestURI().getPath().substring("/inventory".length());
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (random.nextDouble() < SLOW_RATIO) {
      try {
        Thread.sleep(random.nextLong(300, 801)); // the simulated slow dependency
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (random.nextDouble() < errorRate) {
      HttpResponses.send(exchange, 500, "inventory failure\n");
      return;
    }
    HttpResponses.send(exchange, 200, "sku " + sku.replace("/", "") + " in stock: 7\n");
  }

  private static void errorRate(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    if (!exchange.getRequestMethod().equals("POST")
        || query == null
        || !query.startsWith("value=")) {
      HttpResponses.send(exchange, 400, "use POST /admin/error-rate?value=0.5\n");
      return;
    }
    try {
      double value = Double.parseDouble(query.substring("value=".length()));
      if (value < 0 || value > 1) {
        throw new NumberFormatException("out of [0, 1]");
      }
      errorRate = value;
      HttpResponses.send(exchange, 200, "error rate " + value + "\n");
    } catch (NumberFormatException e) {
      HttpResponses.send(exchange, 400, "value must be a number in [0, 1]\n");
    }
  }
}
