package dev.meerkat.demo;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls the checkout service at a fixed, bounded rate (alternating {@code /checkout} and {@code
 * /checkout/legacy}) until killed, printing a one-line summary every 30 s. Loopback targets only.
 *
 * <p>Arguments / environment: checkout base URL ({@code CHECKOUT_URL}, http://127.0.0.1:8081),
 * requests per second ({@code TRAFFIC_RATE}, 5, at most 200).
 */
public final class TrafficGenerator {
  private static final AtomicLong OK = new AtomicLong();
  private static final AtomicLong FAILED = new AtomicLong();
  private static final AtomicLong SENT = new AtomicLong();

  private TrafficGenerator() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(DemoConfig.get(args, 0, "CHECKOUT_URL", "http://127.0.0.1:8081"));
    double rate = Double.parseDouble(DemoConfig.get(args, 1, "TRAFFIC_RATE", "5"));
    if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      System.err.println("TrafficGenerator only targets loopback addresses, not " + base);
      System.exit(2);
    }
    if (!(rate > 0 && rate <= 200)) {
      System.err.println("TRAFFIC_RATE must be in (0, 200], not " + rate);
      System.exit(2);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    long periodMicros = (long) (1_000_000 / rate);
    scheduler.scheduleAtFixedRate(() -> send(client, base), 0, periodMicros, TimeUnit.MICROSECONDS);
    scheduler.scheduleAtFixedRate(TrafficGenerator::summary, 30, 30, TimeUnit.SECONDS);
    System.out.println("TrafficGenerator: " + rate + " req/s against " + base);
  }

  private static void send(HttpClient client, URI base) {
    String path = SENT.getAndIncrement() % 2 == 0 ? "/checkout" : "/checkout/legacy";
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build();
    // Asynchronous, so one slow answer does not lower the rate.
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() == 200) {
                OK.incrementAndGet();
              } else {
                FAILED.incrementAndGet();
              }
            });
  }

  private static void summary() {
    System.out.println(
        "TrafficGenerator: sent=" + SENT.get() + " ok=" + OK.get() + " failed=" + FAILED.get());
  }
}
