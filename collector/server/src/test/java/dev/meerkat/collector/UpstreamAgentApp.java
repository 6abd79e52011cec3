package dev.meerkat.collector;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * The tiny application {@link UpstreamJavaAgentIT} runs in a child JVM under the upstream
 * OpenTelemetry Java agent: a JDK HTTP server answering {@code GET /hello} (with a log line), its
 * port written to the file named by the first argument. It runs until it is stopped.
 */
public final class UpstreamAgentApp {

  private static final Logger logger = Logger.getLogger(UpstreamAgentApp.class.getName());

  private UpstreamAgentApp() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hello",
        exchange -> {
          logger.info("answering " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    // Written whole, then moved, so the test never reads a half-written port.
    Path portFile = Path.of(args[0]);
    Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
    Files.writeString(partial, Integer.toString(server.getAddress().getPort()));
    Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
  }
}
