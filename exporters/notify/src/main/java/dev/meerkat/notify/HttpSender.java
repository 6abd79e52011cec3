package dev.meerkat.notify;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one prepared request with bounded retries, for every HTTP channel: 2xx is delivered; 429,
 * 5xx and I/O errors are retried with exponential backoff (honouring {@code Retry-After}); other
 * statuses are permanent. Redirects are never followed (a redirect could carry a signed body or a
 * routing key elsewhere, or point at an internal address). Only the host is logged: webhook paths
 * and queries carry tokens.
 *
 * <p>Every target passes the {@link OutboundPolicy}: the URL before anything is sent, and each
 * address after DNS resolution. Apache HttpClient is used rather than {@code java.net.http} because
 * its {@link org.apache.hc.client5.http.DnsResolver} lets one send resolve once, check every
 * address and connect to exactly those ({@link PinnedDnsResolver}) while TLS still verifies the
 * host name; the JDK client resolves by itself and cannot be pinned to a checked address.
 */
final class HttpSender {

  private static final Logger logger = LoggerFactory.getLogger(HttpSender.class);

  private static final Duration BACKSTOP = Duration.ofSeconds(1);

  private final String channel;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final RetryAfter retryAfter;
  private final OutboundPolicy policy;
  private final HostResolver resolver;

  HttpSender(
      String channel,
      Duration connectTimeout,
      Duration requestTimeout,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      Clock clock,
      OutboundPolicy policy,
      HostResolver resolver) {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    this.channel = channel;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.retryAfter = new RetryAfter(clock);
    this.policy = Objects.requireNonNull(policy, "outboundPolicy");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
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

  /** A POST of a JSON body with the common headers. */
  OutboundRequest.Builder post(URI endpoint, String contentType, String body) {
    return OutboundRequest.post(endpoint, contentType, body);
  }

  private record Answer(int status, String retryAfter, boolean redirect) {}

  /**
   * Sends with bounded retries. The result carries the last HTTP status and the last Retry-After
   * the receiver asked for, so a caller that retries later itself (the outbox) can honour it.
   */
  DeliveryResult sendWithRetry(OutboundRequest request) {
    String host = request.uri().getHost();
    var urlProblem = policy.urlProblem(request.uri());
    if (urlProblem.isPresent()) {
      logger.warn("{} to {} refused: {}", channel, host, urlProblem.get());
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, urlProblem.get());
    }
    try (CloseableHttpClient client = client(request.uri())) {
      return sendWithRetry(client, request, host);
    } catch (IOException closing) {
      return new DeliveryResult(DeliveryResult.Status.GAVE_UP, 0, "client failed to close");
    }
  }

  private DeliveryResult sendWithRetry(
      CloseableHttpClient client, OutboundRequest request, String host) {
    String lastFailure = "";
    int lastStatus = 0;
    Duration requested = null;
    for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
      Duration wait = retryPolicy.backoffAfter(attempt);
      lastStatus = 0;
      requested = null;
      HttpPost post = httpPost(request);
      // The whole exchange, connection to last byte, is bounded: a receiver trickling its answer
      // would otherwise hold a sender for as long as it keeps each read under the socket timeout.
      CompletableFuture<Void> deadline =
          CompletableFuture.runAsync(
              post::cancel,
              CompletableFuture.delayedExecutor(requestTimeout.toMillis(), TimeUnit.MILLISECONDS));
      try {
        Answer answer = client.execute(post, HttpSender::answer);
        int status = answer.status();
        lastStatus = status;
        if (status >= 200 && status < 300) {
          logger.debug("{} to {} delivered (HTTP {}, attempt {})", channel, host, status, attempt);
          return new DeliveryResult(
              DeliveryResult.Status.DELIVERED, attempt, "HTTP " + status, status, null);
        }
        lastFailure = "HTTP " + status;
        if (answer.redirect()) {
          lastFailure += " (redirect not followed: notifications go only to the saved URL)";
        }
        if (status != 429 && status < 500) {
          logger.warn("{} to {} rejected: {}", channel, host, lastFailure);
          return new DeliveryResult(
              DeliveryResult.Status.REJECTED, attempt, lastFailure, status, null);
        }
        requested = retryAfter.requested(answer.retryAfter(), retryPolicy.maxRetryAfter());
        wait = requested == null ? wait : requested;
      } catch (RefusedAddressException refused) {
        // Permanent: the address will not become allowed by retrying.
        logger.warn("{} to {} refused: {}", channel, host, refused.getMessage());
        return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, refused.getMessage());
      } catch (IOException e) {
        lastFailure =
            post.isCancelled()
                ? "no complete answer within " + requestTimeout.toMillis() + " ms"
                : failureName(e);
      } finally {
        deadline.cancel(false);
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

  /**
   * The JDK type of an I/O failure ({@code ConnectException}, {@code SocketTimeoutException}): the
   * client library's own subclasses are an implementation detail of this class.
   */
  private static String failureName(IOException failure) {
    Class<?> type = failure.getClass();
    while (!type.getName().startsWith("java.")) {
      type = type.getSuperclass();
    }
    return type.getSimpleName();
  }

  private static Answer answer(ClassicHttpResponse response) {
    Header retry = response.getFirstHeader("Retry-After");
    int status = response.getCode();
    return new Answer(
        status, retry == null ? null : retry.getValue(), status >= 300 && status < 400);
  }

  private static HttpPost httpPost(OutboundRequest request) {
    HttpPost post = new HttpPost(request.uri());
    String contentType = "application/json";
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue();
      } else {
        post.setHeader(header.getKey(), header.getValue());
      }
    }
    post.setEntity(
        new ByteArrayEntity(
            request.body().getBytes(StandardCharsets.UTF_8), ContentType.parse(contentType)));
    return post;
  }

  /**
   * A client for one send: its resolver is bound to the URL's port (allow-list entries may name a
   * port), it never follows redirects, never retries by itself (this class does, and counts), and
   * reads no proxy settings (a proxy would resolve the name itself, unchecked).
   */
  private CloseableHttpClient client(URI uri) {
    // A backstop only: the deadline in sendWithRetry ends the exchange first.
    Timeout read = Timeout.ofMilliseconds(requestTimeout.plus(BACKSTOP).toMillis());
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedDnsResolver(policy, resolver, OutboundPolicy.portOf(uri)))
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setSocketTimeout(read)
                        .build())
                .useSystemProperties()
                .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableContentCompression()
        .setUserAgent("meerkat-notify")
        .build();
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
