package dev.meerkat.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * POSTs {@link AlertmanagerPayloadFormatter} bodies to a receiver written for Prometheus
 * Alertmanager's webhook. Alertmanager sends no idempotency header, but receivers ignore unknown
 * headers, so the notification's {@code Idempotency-Key} is sent as with the generic webhook.
 */
public final class AlertmanagerWebhookNotifier implements Notifier {

  private final HttpSender sender;
  private final AlertmanagerPayloadFormatter formatter;

  private AlertmanagerWebhookNotifier(Builder builder) {
    this.sender = builder.sender("alertmanager-webhook");
    this.formatter = new AlertmanagerPayloadFormatter(builder.receiver);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DeliveryResult deliver(URI endpoint, AlertNotification notification) {
    if (!HttpSender.isHttpUrl(endpoint)) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, "not an http(s) URL");
    }
    return sender.sendWithRetry(
        sender
            .post(endpoint, "application/json", formatter.format(notification))
            .header("Idempotency-Key", notification.idempotencyKey())
            .build());
  }

  /**
   * One POST with a whole group of alerts ({@link AlertmanagerPayloadFormatter#formatGroup}), under
   * {@code idempotencyKey}.
   */
  public DeliveryResult deliverGroup(
      URI endpoint,
      List<AlertNotification> group,
      Map<String, String> groupLabels,
      String idempotencyKey) {
    if (!HttpSender.isHttpUrl(endpoint)) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, "not an http(s) URL");
    }
    return sender.sendWithRetry(
        sender
            .post(endpoint, "application/json", formatter.formatGroup(group, groupLabels))
            .header("Idempotency-Key", idempotencyKey)
            .build());
  }

  @Override
  public String toString() {
    return "AlertmanagerWebhookNotifier{}";
  }

  /** Options for {@link AlertmanagerWebhookNotifier}. */
  public static final class Builder extends HttpChannelOptions<Builder> {
    private String receiver = "meerkat";

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Receiver name written into the payload; default {@code meerkat}. */
    public Builder receiver(String receiver) {
      this.receiver = receiver;
      return this;
    }

    public AlertmanagerWebhookNotifier build() {
      if (receiver == null || receiver.isBlank()) {
        throw new IllegalArgumentException("receiver name is required");
      }
      return new AlertmanagerWebhookNotifier(this);
    }
  }
}
