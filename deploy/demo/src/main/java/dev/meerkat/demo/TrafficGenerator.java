package dev.meerkat.demo;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls the checkout service at a fixed, bounded rate (alternating {@code /checkout} and {@code
 * /checkout/legacy}) and, when given its URL, the owners service at half that rate (a mix of its
 * endpoints), until killed, printing a one-line summary every 30 s. Loopback targets only.
 *
 * <p>Arguments / environment: checkout base URL ({@code CHECKOUT_URL}, http://127.0.0.1:8081),
 * requests per second ({@code TRAFFIC_RATE}, 5, at most 200), owners base URL ({@code OWNERS_URL},
 * none).
 */
public final class TrafficGenerator {
  private static final AtomicLong OK = new AtomicLong();
  private static final AtomicLong FAILED = new AtomicLong();
  private static final AtomicLong SENT = new AtomicLong();
  private static final AtomicLong CHECKOUT_CALLS = new AtomicLong();
  private static final AtomicLong OWNERS_CALLS = new AtomicLong();
  // The owner of each seeded pet (pet ids 1-8), as in the owners service's data.sql.
  private static final int[] PET_OWNERS = {1, 2, 3, 3, 4, 5, 6, 6};
  private static final String[] LAST_NAMES = {"Davis", "Franklin", "McTavish", "Black"};

  private TrafficGenerator() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(DemoConfig.get(args, 0, "CHECKOUT_URL", "http://127.0.0.1:8081"));
    double rate = Double.parseDouble(DemoConfig.get(args, 1, "TRAFFIC_RATE", "5"));
    String ownersUrl = DemoConfig.get(args, 2, "OWNERS_URL", "");
    URI owners = ownersUrl.isEmpty() ? null : URI.create(ownersUrl);
    for (URI target : owners == null ? new URI[] {base} : new URI[] {base, owners}) {
      if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
        System.err.println("TrafficGenerator only targets loopback addresses, not " + target);
        System.exit(2);
      }
    }
    if (!(rate > 0 && rate <= 200)) {
      System.err.println("TRAFFIC_RATE must be in (0, 200], not " + rate);
      System.exit(2);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    long periodMicros = (long) (1_000_000 / rate);
    scheduler.scheduleAtFixedRate(
        () -> send(client, checkoutRequest(base)), 0, periodMicros, TimeUnit.MICROSECONDS);
    if (owners != null) {
      scheduler.scheduleAtFixedRate(
          () -> send(client, ownersRequest(owners)),
          periodMicros / 2,
          periodMicros * 2,
          TimeUnit.MICROSECONDS);
    }
    scheduler.scheduleAtFixedRate(TrafficGenerator::summary, 30, 30, TimeUnit.SECONDS);
    System.out.println(
        "TrafficGenerator: "
            + rate
            + " req/s against "
            + base
            + (owners == null ? "" : ", half that against " + owners));
  }

  private static HttpRequest checkoutRequest(URI base) {
    String path = CHECKOUT_CALLS.getAndIncrement() % 2 == 0 ? "/checkout" : "/checkout/legacy";
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build();
  }

  /** Cycles through the owners service's endpoints; one request in 20 adds an owner. */
  private static HttpRequest ownersRequest(URI owners) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int pet = random.nextInt(PET_OWNERS.length);
    int owner = PET_OWNERS[pet];
    long n = OWNERS_CALLS.getAndIncrement();
    if (n % 20 == 19) {
      String json = "{\"firstName\":\"Demo\",\"lastName\":\"Owner" + n + "\",\"city\":\"Madison\"}";
      return HttpRequest.newBuilder(owners.resolve("/owners"))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build();
    }
    String path =
        switch ((int) (n % 5)) {
          case 0 -> "/owners/" + owner;
          case 1 -> "/owners?lastName=" + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
          case 2 -> "/owners/" + owner + "/pets";
          case 3 -> "/owners/" + owner + "/visits";
          default -> "/owners/" + owner + "/pets/" + (pet + 1) + "/food";
        };
    return HttpRequest.newBuilder(owners.resolve(path)).timeout(Duration.ofSeconds(10)).build();
  }

  private static void send(HttpClient client, HttpRequest request) {
    SENT.incrementAndGet();
    // Asynchronous, so one slow answer does not lower the rate.
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() < 300) {
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
