package com.example.manual;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.concurrent.Executors;

/**
 * An application that uses its own OpenTelemetry API. Mode "api": no SDK, spans from {@code
 * GlobalOpenTelemetry}. Mode "sdk": it registers its own SDK globally at start and keeps it. Each
 * {@code GET /work} prints the ids it sees and calls {@code /leaf} with HttpURLConnection inside
 * its own span. Outside dev.meerkat: the agent never instruments its own packages.
 */
public final class ApiBridgeApp {
  private static int port;

  private ApiBridgeApp() {}

  public static void main(String[] args) throws IOException {
    boolean sdk = args.length > 0 && args[0].equals("sdk");
    Object ownTracerProvider = sdk ? OwnSdk.registerGlobally() : null;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/work", sdk ? ApiBridgeApp::ownSdkWork : ApiBridgeApp::work);
    server.createContext("/leaf", exchange -> respond(exchange, 200));
    // Handlers call this server again: they need threads besides the dispatcher.
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    port = server.getAddress().getPort();
    System.out.println(
        "GLOBAL " + (GlobalOpenTelemetry.get().getTracerProvider() == ownTracerProvider));
    System.out.println("READY " + port);
  }

  @SuppressWarnings("try") // The scope is only closed.
  private static void work(HttpExchange exchange) throws IOException {
    print("CURRENT", Span.current());
    Tracer tracer = GlobalOpenTelemetry.getTracer("com.example.manual", "1.0");
    Span span =
        tracer
            .spanBuilder("app-work")
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute("app.key", "value")
            .setAttribute(AttributeKey.longKey("app.count"), 3L)
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      System.out.println("SAME-SPAN " + (Span.current() == span));
      print("INSIDE", Span.current());
      call("/leaf");
      span.addEvent("called", Attributes.of(AttributeKey.booleanKey("app.ok"), true));
      span.setAttribute("app.after", 1.5);
    } finally {
      span.end();
    }
    print("AFTER", Span.current());
    respond(exchange, 200);
  }

  @SuppressWarnings("try") // The scope is only closed.
  private static void ownSdkWork(HttpExchange exchange) throws IOException {
    print("CURRENT", Span.current());
    Span own =
        GlobalOpenTelemetry.getTracer("com.example.manual").spanBuilder("own-sdk-work").startSpan();
    try (Scope scope = own.makeCurrent()) {
      System.out.println("OWN " + OwnSdk.describe(own));
      call("/leaf");
    } finally {
      own.end();
    }
    respond(exchange, 200);
  }

  private static void print(String label, Span span) {
    System.out.println(
        label + " " + span.getSpanContext().getTraceId() + " " + span.getSpanContext().getSpanId());
  }

  private static void call(String path) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }
}
