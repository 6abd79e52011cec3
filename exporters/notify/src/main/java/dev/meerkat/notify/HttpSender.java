package dev.meerkat.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one prepared request with bounded retries, for every HTTP channel: 2xx is delivered; 429,
 * 5xx and I/O errors are retried with exponential backoff (honouring {@code Retry-After}); other
 * statuses are permanent. Redirects are never followed (a redirect could carry a signed body or a
 * routing key elsewhere). Only the host is logged: webhook paths and queries carry tokens.
 */
final class HttpSender {

  private static final Logger logger = LoggerFactory.getLogger(HttpSender.class);

  private final String channel;
  private final HttpClient httpClient;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final RetryAfter retryAfter;

  HttpSender(
      String channel,
      Duration connectTimeout,
      Duration requestTimeout,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      Clock clock) {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    this.channel = channel;
    this.httpClient =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.retryAfter = new RetryAfter(clock);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** Whether the endpoint is an absolute http(s) URL with a host. */
  static boolean isHttpUrl(URI endpoint) {
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && endpoint.getHost() != null;
  }

  /** A POST of a JSON body with the common headers and the timeout. */
  HttpRequest.Builder post(URI endpoint, String contentType, String body) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Content-Type", contentType)
        .header("User-Agent", "meerkat-notify")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /**
   * Sends with bounded retries. The result carries the last HTTP status and the last Retry-After
   * the receiver asked for, so a caller that retries later itself (the outbox) can honour it.
   */
  DeliveryResult sendWithRetry(HttpRequest request) {
    String host = request.uri().getHost();
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
          logger.debug("{} to {} delivered (HTTP {}, attempt {})", channel, host, status, attempt);
          return new DeliveryResult(
              DeliveryResult.Status.DELIVERED, attempt, "HTTP " + status, status, null);
        }
        lastFailure = "HTTP " + status;
        if (status != 429 && status < 500) {
          logger.warn("{} to {} rejected: HTTP {}", channel, host, status);
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
    logger.warn("{} to {} failed: {}", channel, host, detail);
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
}
