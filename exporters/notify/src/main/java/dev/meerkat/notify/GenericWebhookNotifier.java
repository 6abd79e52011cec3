package dev.meerkat.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs the {@link WebhookPayloadFormatter} JSON to any HTTP(S) endpoint. 2xx means delivered; 429,
 * 5xx and I/O errors are retried with bounded exponential backoff (honouring {@code Retry-After});
 * other 4xx are permanent. Only the endpoint's host is ever logged or reported: the path and query
 * of webhook URLs usually carry a secret token.
 */
public final class GenericWebhookNotifier implements Notifier {

  private static final Logger logger = LoggerFactory.getLogger(GenericWebhookNotifier.class);

  private final HttpClient httpClient;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final RetryAfter retryAfter;
  private final WebhookPayloadFormatter formatter = new WebhookPayloadFormatter();

  private GenericWebhookNotifier(Builder builder) {
    this.httpClient =
        HttpClient.newBuilder()
            .connectTimeout(builder.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = builder.requestTimeout;
    this.retryPolicy = builder.retryPolicy;
    this.sleeper = builder.sleeper;
    this.retryAfter = new RetryAfter(builder.clock);
  }

  public static GenericWebhookNotifier create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DeliveryResult deliver(URI endpoint, AlertNotification notification) {
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, "not an http(s) URL");
    }
    HttpRequest request = request(endpoint, notification);
    return sendWithRetry(request, endpoint.getHost());
  }

  private HttpRequest request(URI endpoint, AlertNotification notification) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "meerkat-notify")
        .header("Idempotency-Key", notification.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofString(formatter.format(notification)))
        .build();
  }

  private DeliveryResult sendWithRetry(HttpRequest request, String host) {
    String lastFailure = "";
    int lastStatus = 0;
    Duration requested = null;
    for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
      Duration wait = retryPolicy.backoffAfter(attempt);
      lastStatus = 0;
      requested = null;
      try {
        HttpResponse<String> response =
            httpClient.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        lastStatus = status;
        if (status >= 200 && status < 300) {
          logger.debug("webhook to {} delivered (HTTP {}, attempt {})", host, status, attempt);
          return new DeliveryResult(
              DeliveryResult.Status.DELIVERED, attempt, "HTTP " + status, status, null);
        }
        lastFailure = "HTTP " + status;
        if (status != 429 && status < 500) {
          logger.warn("webhook to {} rejected: HTTP {}", host, status);
          return new DeliveryResult(
              DeliveryResult.Status.REJECTED, attempt, lastFailure, status, null);
        }
        requested = retryAfter.requested(response, retryPolicy.maxRetryAfter()).orElse(null);
        wait = requested == null ? wait : requested;
      } catch (IOException e) {
        lastFailure = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DeliveryResult(DeliveryResult.Status.GAVE_UP, attempt, "interrupted");
      }
      if (attempt < retryPolicy.maxAttempts() && !pause(wait)) {
        return new DeliveryResult(DeliveryResult.Status.GAVE_UP, attempt, "interrupted");
      }
    }
    String detail = lastFailure + " after " + retryPolicy.maxAttempts() + " attempts";
    logger.warn("webhook to {} failed: {}", host, detail);
    return new DeliveryResult(
        DeliveryResult.Status.GAVE_UP, retryPolicy.maxAttempts(), detail, lastStatus, requested);
  }

  private boolean pause(Duration wait) {
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Options for {@link GenericWebhookNotifier}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private java.time.Clock clock = java.time.Clock.systemUTC();

    private Builder() {}

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Clock used to interpret HTTP-date {@code Retry-After} values. */
    public Builder clock(java.time.Clock clock) {
      this.clock = clock;
      return this;
    }

    public GenericWebhookNotifier build() {
      if (connectTimeout.isNegative() || connectTimeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive");
      }
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive");
      }
      return new GenericWebhookNotifier(this);
    }
  }
}
