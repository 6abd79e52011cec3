package dev.meerkat.dashboard.alerting.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Mutes matching notifications from {@code startsAt} until {@code endsAt} (exclusive). A muted
 * notification is recorded as suppressed and never sent; the alert state and history still change.
 */
public record Silence(
    String id,
    LabelMatchers matchers,
    String comment,
    String createdBy,
    Instant startsAt,
    Instant endsAt) {

  public Silence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(matchers, "matchers");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    comment = comment == null ? "" : comment;
    createdBy = createdBy == null ? "" : createdBy;
  }

  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  public boolean mutes(Map<String, String> labels, Instant now) {
    return activeAt(now) && matchers.matches(labels);
  }
}
