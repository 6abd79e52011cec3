package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.notify.Notifier;
import java.net.URI;

/** Where and how one outbox row is sent. */
public record DeliveryTarget(Notifier notifier, URI endpoint) {

  /** Finds the target of an outbox row. */
  @FunctionalInterface
  public interface Resolver {

    /**
     * @throws Unresolvable when the row cannot be sent (its channel was deleted, its URL is
     *     invalid); the message is shown in the delivery log, so it never quotes a secret
     */
    DeliveryTarget targetFor(OutboxEntry entry);

    /** Rows carrying their own endpoint, all sent by one notifier (before stored channels). */
    static Resolver endpointOfRow(Notifier notifier) {
      return entry -> new DeliveryTarget(notifier, uri(entry.endpoint()));
    }
  }

  /** The row cannot be sent; permanent. */
  public static final class Unresolvable extends RuntimeException {
    public Unresolvable(String message) {
      super(message, null, false, false);
    }
  }

  static URI uri(String text) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new Unresolvable("invalid endpoint URL");
    }
  }
}
