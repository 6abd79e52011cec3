package dev.meerkat.notify;

import java.net.URI;

/**
 * Sends {@link PagerDutyEventFormatter} events to the PagerDuty Events API v2. The endpoint is
 * {@link #EVENTS_API} in production (tests pass a local receiver). PagerDuty answers 202 when it
 * accepted the event, 400 for an invalid one (permanent), 429 when rate-limited (retried). It
 * de-duplicates by {@code dedup_key}, not by a header. The routing key is never logged and never
 * shown by {@link #toString()}.
 */
public final class PagerDutyNotifier implements Notifier {

  public static final URI EVENTS_API = URI.create("https://events.pagerduty.com/v2/enqueue");

  private final HttpSender sender;
  private final String routingKey;
  private final PagerDutyEventFormatter formatter = new PagerDutyEventFormatter();

  private PagerDutyNotifier(Builder builder) {
    this.sender = builder.sender("pagerduty");
    this.routingKey = builder.routingKey;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DeliveryResult deliver(URI eventsUrl, AlertNotification notification) {
    if (!HttpSender.isHttpUrl(eventsUrl)) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, "not an http(s) URL");
    }
    String body = formatter.format(notification, routingKey);
    return sender.sendWithRetry(sender.post(eventsUrl, "application/json", body).build());
  }

  @Override
  public String toString() {
    return "PagerDutyNotifier{routingKey=***}";
  }

  /** Options for {@link PagerDutyNotifier}; the routing key is required. */
  public static final class Builder extends HttpChannelOptions<Builder> {
    private String routingKey;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The integration's routing key (Events API v2 integration key, 32 characters). */
    public Builder routingKey(String routingKey) {
      this.routingKey = routingKey;
      return this;
    }

    public PagerDutyNotifier build() {
      if (routingKey == null || routingKey.isBlank()) {
        throw new IllegalArgumentException("PagerDuty routing key is required");
      }
      if (!routingKey.strip().matches("[A-Za-z0-9]{32}")) {
        // Say what is wrong without echoing the (possibly real) key.
        throw new IllegalArgumentException(
            "PagerDuty routing key must be 32 letters or digits, was "
                + routingKey.strip().length()
                + " characters");
      }
      routingKey = routingKey.strip();
      return new PagerDutyNotifier(this);
    }

    @Override
    public String toString() {
      return "PagerDutyNotifier.Builder{routingKey=***}";
    }
  }
}
