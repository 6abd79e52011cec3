package com.example.manual;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An application with its own Byte Buddy, OkHttp and protobuf (other versions than the agent's
 * relocated copies). Each {@code GET /use} uses all three inside the traced request and prints
 * which version and class loader it got. Outside dev.meerkat: the agent never instruments its own
 * packages.
 */
public final class OwnLibrariesApp {
  private static int port;

  private OwnLibrariesApp() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/use",
        exchange -> {
          String report;
          try {
            report = useLibraries();
          } catch (Exception e) {
            report = "FAILED " + e;
          }
          System.out.println(report);
          exchange.sendResponseHeaders(report.startsWith("FAILED") ? 500 : 200, -1);
          exchange.close();
        });
    server.createContext(
        "/leaf",
        exchange -> {
          byte[] body = "leaf".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    // Handlers call this server again: they need threads besides the dispatcher.
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    port = server.getAddress().getPort();
    System.out.println("READY " + port);
  }

  private static String useLibraries() throws Exception {
    // Byte Buddy: a subclass whose toString is fixed.
    Class<?> type =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("made by byte buddy"))
            .make()
            .load(OwnLibrariesApp.class.getClassLoader())
            .getLoaded();
    String made = type.getDeclaredConstructor().newInstance().toString();

    // OkHttp: a call to this server.
    String body;
    try (Response response =
        new OkHttpClient()
            .newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/leaf").build())
            .execute()) {
      body = response.body().string();
    }

    // protobuf: a message round trip.
    Struct message =
        Struct.newBuilder().putFields("k", Value.newBuilder().setStringValue("v").build()).build();
    Struct parsed = Struct.parseFrom(message.toByteArray());

    return "USED "
        + origin(ByteBuddy.class)
        + " "
        + origin(OkHttpClient.class)
        + " "
        + origin(Struct.class)
        + " results="
        + made
        + ","
        + body
        + ","
        + parsed.getFieldsOrThrow("k").getStringValue();
  }

  /** The jar (its name carries the version) and the class loader a class came from. */
  private static String origin(Class<?> type) {
    String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return jar.substring(jar.lastIndexOf('/') + 1)
        + "@"
        + (type.getClassLoader() == ClassLoader.getSystemClassLoader() ? "app" : "other");
  }
}
