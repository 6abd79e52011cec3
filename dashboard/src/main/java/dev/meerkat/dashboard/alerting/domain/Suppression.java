package dev.meerkat.dashboard.alerting.domain;

import java.time.Instant;

/**
 * A routed notification that was not sent.
 *
 * @param id unique id
 * @param idempotencyKey the key it would have been sent with
 * @param channelId the channel it would have gone to
 * @param reason silence or maintenance window
 * @param suppressedBy id of the silence or window
 * @param summary what it announced, for the log
 * @param at when
 */
public record Suppression(
    String id,
    String idempotencyKey,
    String channelId,
    Reason reason,
    String suppressedBy,
    String summary,
    Instant at) {

  public enum Reason {
    SILENCED,
    MAINTENANCE
  }
}
