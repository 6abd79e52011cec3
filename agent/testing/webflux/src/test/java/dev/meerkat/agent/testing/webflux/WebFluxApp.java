package dev.meerkat.agent.testing.webflux;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring Boot WebFlux application on Reactor Netty, run on a child JVM with the agent. Its
 * controller answers an owner, fails, and calls a JDK HTTP server (started here) with
 * HttpURLConnection synchronously. Prints {@code READY <port> <target port>} once it serves.
 */
@SpringBootApplication
public class WebFluxApp {
  static int targetPort;

  public static void main(String[] args) throws IOException {
    HttpServer target =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    target.createContext(
        "/target",
        exchange -> {
          byte[] body = {'o', 'k'};
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    target.start();
    targetPort = target.getAddress().getPort();

    SpringApplication application = new SpringApplication(WebFluxApp.class);
    application.setDefaultProperties(
        Map.of(
            "server.port", "0",
            "server.address", "127.0.0.1",
            "spring.main.banner-mode", "off",
            "logging.level.root", "WARN"));
    ConfigurableApplicationContext context = application.run(args);
    System.out.println(
        "READY " + context.getEnvironment().getProperty("local.server.port") + " " + targetPort);
  }

  @RestController
  static class OwnerController {
    @GetMapping("/owners/{ownerId}")
    Mono<String> owner(@PathVariable String ownerId) {
      return Mono.just("owner " + ownerId);
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("boom");
    }

    /** A blocking call on the event loop, as a controller calling a legacy client makes. */
    @GetMapping("/call-out")
    String callOut() throws IOException {
      return callTarget();
    }

    /** The same call moved off the event loop, as it should be. */
    @GetMapping("/call-out-elastic")
    Mono<String> callOutElastic() {
      return Mono.fromCallable(OwnerController::callTarget)
          .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Invoked once the body has arrived, from a Reactor Netty callback rather than the
     * subscription.
     */
    @PostMapping("/owners/{ownerId}/visits")
    String addVisit(@PathVariable String ownerId, @RequestBody String visit) throws IOException {
      return callTarget();
    }

    static String callTarget() throws IOException {
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + targetPort + "/target").toURL().openConnection();
      int status = connection.getResponseCode();
      try (InputStream in = connection.getInputStream()) {
        return status + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
