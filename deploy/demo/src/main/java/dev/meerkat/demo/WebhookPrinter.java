package dev.meerkat.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The demo's alert channel: a webhook receiver on 127.0.0.1 that prints every notification it gets,
 * so {@code ./meerkat demo} shows SLO alerts arriving (see data/logs/webhook.log).
 */
public final class WebhookPrinter {
  private WebhookPrinter() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(DemoConfig.get(args, 0, "WEBHOOK_PORT", "7003"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            String payload = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(
                Instant.now() + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            System.out.println(payload);
            System.out.flush();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    System.out.println("webhook printer listening on http://127.0.0.1:" + port + "/");
  }
}
