package dev.meerkat.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for the JDK HTTP server handlers. */
final class HttpResponses {
  private HttpResponses() {}

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes(); // drain, so the connection can be reused
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
