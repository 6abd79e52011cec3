package dev.meerkat.notify;

import java.net.URI;

/**
 * Posts {@link SlackMessageFormatter} messages to a Slack incoming webhook ({@code
 * https://hooks.slack.com/services/T.../B.../secret}). The whole path is the secret, so only the
 * host is ever logged. Slack has no idempotency header; retries follow {@link HttpSender}.
 */
public final class SlackNotifier implements Notifier {

  private final HttpSender sender;
  private final SlackMessageFormatter formatter = new SlackMessageFormatter();

  private SlackNotifier(Builder builder) {
    this.sender = builder.sender("slack");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DeliveryResult deliver(URI webhookUrl, AlertNotification notification) {
    if (!HttpSender.isHttpUrl(webhookUrl)) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, "not an http(s) URL");
    }
    return sender.sendWithRetry(
        sender.post(webhookUrl, "application/json", formatter.format(notification)).build());
  }

  @Override
  public String toString() {
    return "SlackNotifier{}";
  }

  /** Options for {@link SlackNotifier}. */
  public static final class Builder extends HttpChannelOptions<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    public SlackNotifier build() {
      return new SlackNotifier(this);
    }
  }
}
