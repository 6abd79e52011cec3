package dev.meerkat.dashboard.testing;

import com.sun.net.httpserver.HttpServer;
import dev.meerkat.notify.OutboundPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real webhook receiver on 127.0.0.1: records every request (idempotency key and body) BEFORE
 * answering, answers from a script (then 200), and can hold its answers until the test releases
 * them (a slow receiver). Serves requests on virtual threads, so a held request blocks no other.
 */
public final class HttpReceiver implements AutoCloseable {

  /** Loopback is refused as a notification target unless allowed, as here. */
  public static final OutboundPolicy LOOPBACK_ALLOWED =
      OutboundPolicy.allowing(List.of("127.0.0.1"));

  /** One request as received. */
  public record Request(String idempotencyKey, String body, String signature) {}

  private record Answer(int status, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private volatile CountDownLatch release = new CountDownLatch(0);

  public HttpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              new Request(
                  exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst("X-Meerkat-Signature")));
          arrived.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Answer answer = next();
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.sendResponseHeaders(answer.status(), -1);
          exchange.close();
        });
    server.start();
  }

  /** Answers the next request with {@code status} (and headers); then the script goes on. */
  public synchronized HttpReceiver thenRespond(int status, Map<String, String> headers) {
    script.add(new Answer(status, headers));
    return this;
  }

  public HttpReceiver thenRespond(int status) {
    return thenRespond(status, Map.of());
  }

  /** Holds every answer until {@link #release()}: a slow receiver. */
  public HttpReceiver holdAnswers() {
    release = new CountDownLatch(1);
    return this;
  }

  public void release() {
    release.countDown();
  }

  /** Waits until the first request arrived. */
  public void awaitFirstRequest() throws InterruptedException {
    arrived.await();
  }

  private synchronized Answer next() {
    Answer answer = script.poll();
    return answer == null ? new Answer(200, Map.of()) : answer;
  }

  /** URL with a secret-looking path, as real webhook URLs have. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/secret-token";
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<String> keys() {
    return requests.stream().map(Request::idempotencyKey).toList();
  }

  public List<String> bodies() {
    return requests.stream().map(Request::body).toList();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
