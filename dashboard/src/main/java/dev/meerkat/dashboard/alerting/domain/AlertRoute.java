package dev.meerkat.dashboard.alerting.domain;

import java.util.List;
import java.util.Objects;

/**
 * One routing rule: alerts whose labels match go to these channels.
 *
 * @param id stable id
 * @param ordinal position; routes are tried in ascending order
 * @param matchers label matchers (service, severity, team, ...); none matches every alert
 * @param channelIds channels to notify
 * @param continueMatching after a match, also try the next routes (Alertmanager's {@code
 *     continue}); by default the first matching route wins
 */
public record AlertRoute(
    String id,
    int ordinal,
    LabelMatchers matchers,
    List<String> channelIds,
    boolean continueMatching) {

  public AlertRoute {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(matchers, "matchers");
    channelIds = List.copyOf(channelIds);
  }
}
