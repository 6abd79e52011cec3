package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Current alert states, and their changes written together with the notification to send. */
public interface AlertStore {

  /** The current status of every alert that has one, by {@link AlertStatus#key()}. */
  Map<String, AlertStatus> currentStates();

  /**
   * In ONE transaction: writes {@code next} over the status with version {@code next.version() - 1}
   * and, when present, the notification announcing it into the outbox. Nothing is written when
   * another process changed the status meanwhile.
   *
   * @throws ConcurrentChangeException when the stored version is not the expected one
   */
  default void recordChange(AlertStatus next, Optional<OutboxEntry> notification) {
    recordChange(next, notification.stream().toList(), List.of());
  }

  /**
   * In ONE transaction: writes {@code next} (as {@link #recordChange(AlertStatus, Optional)}), the
   * routed notifications into the outbox and the suppressed ones into the suppression log.
   *
   * @throws ConcurrentChangeException when the stored version is not the expected one
   */
  void recordChange(
      AlertStatus next, List<OutboxEntry> notifications, List<Suppression> suppressions);

  /** Thrown by {@link #recordChange} when the status changed under the caller. */
  final class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String sloId) {
      super("alert state of SLO " + sloId + " was changed concurrently");
    }
  }
}
