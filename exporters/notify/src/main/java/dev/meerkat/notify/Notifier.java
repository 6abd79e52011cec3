package dev.meerkat.notify;

import java.net.URI;

/** Delivers alert notifications over one channel (webhook, Slack, PagerDuty...). */
public interface Notifier {

  /**
   * Delivers a notification to the given channel endpoint, retrying as the channel allows. Never
   * throws for delivery failures: they are described by the result.
   */
  DeliveryResult deliver(URI endpoint, AlertNotification notification);
}
