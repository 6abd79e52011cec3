package dev.meerkat.notify;

import java.time.Clock;
import java.time.Duration;

/**
 * Transport options every HTTP notifier's builder shares: bounded timeouts, the retry policy, and
 * the injected {@link Sleeper} and {@link Clock} that keep tests off the wall clock.
 *
 * @param <B> the concrete builder, returned for chaining
 */
public abstract class HttpChannelOptions<B extends HttpChannelOptions<B>> {

  private Duration connectTimeout = Duration.ofSeconds(5);
  private Duration requestTimeout = Duration.ofSeconds(10);
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Sleeper sleeper = Sleeper.system();
  private Clock clock = Clock.systemUTC();
  private OutboundPolicy outboundPolicy = OutboundPolicy.strict();
  private HostResolver resolver = HostResolver.system();

  HttpChannelOptions() {}

  abstract B self();

  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    return self();
  }

  /** Bound on one request, connection to last byte of the answer. */
  public B requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    return self();
  }

  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
    return self();
  }

  public B sleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
    return self();
  }

  /** Clock used to interpret HTTP-date {@code Retry-After} values. */
  public B clock(Clock clock) {
    this.clock = clock;
    return self();
  }

  /** Where requests may go; default {@link OutboundPolicy#strict()}: public addresses only. */
  public B outboundPolicy(OutboundPolicy outboundPolicy) {
    this.outboundPolicy = outboundPolicy;
    return self();
  }

  /** How host names are resolved before the policy checks each address. */
  public B resolver(HostResolver resolver) {
    this.resolver = resolver;
    return self();
  }

  /** Validates the options (positive timeouts) and builds the sender. */
  HttpSender sender(String channel) {
    return new HttpSender(
        channel,
        connectTimeout,
        requestTimeout,
        retryPolicy,
        sleeper,
        clock,
        outboundPolicy,
        resolver);
  }
}
