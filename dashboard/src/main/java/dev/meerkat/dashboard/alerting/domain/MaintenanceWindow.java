package dev.meerkat.dashboard.alerting.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * A time range during which matching notifications are DROPPED (recorded as suppressed, never sent
 * later): either daily, {@code dailyStart} to {@code dailyEnd} UTC (crossing midnight when the end
 * is before the start), or once, {@code startsAt} to {@code endsAt}. Dropped rather than held: a
 * maintenance window exists because its alerts are expected; a condition still true afterwards
 * stays FIRING, and with a repeat interval it is notified again after the window.
 */
public record MaintenanceWindow(
    String id,
    String name,
    LabelMatchers matchers,
    LocalTime dailyStart,
    LocalTime dailyEnd,
    Instant startsAt,
    Instant endsAt) {

  public MaintenanceWindow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(matchers, "matchers");
    boolean daily = dailyStart != null && dailyEnd != null;
    boolean once = startsAt != null && endsAt != null;
    if (daily == once) {
      throw new IllegalArgumentException("a maintenance window is either daily or one-off");
    }
    name = name == null ? "" : name;
  }

  public static MaintenanceWindow daily(
      String id, String name, LabelMatchers matchers, LocalTime start, LocalTime end) {
    return new MaintenanceWindow(id, name, matchers, start, end, null, null);
  }

  public static MaintenanceWindow once(
      String id, String name, LabelMatchers matchers, Instant start, Instant end) {
    return new MaintenanceWindow(id, name, matchers, null, null, start, end);
  }

  public boolean isDaily() {
    return dailyStart != null;
  }

  public boolean coversTime(Instant now) {
    if (!isDaily()) {
      return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
    LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
    if (dailyStart.isBefore(dailyEnd)) {
      return !time.isBefore(dailyStart) && time.isBefore(dailyEnd);
    }
    // Crosses midnight, e.g. 23:00-01:00.
    return !time.isBefore(dailyStart) || time.isBefore(dailyEnd);
  }

  public boolean covers(Map<String, String> labels, Instant now) {
    return coversTime(now) && matchers.matches(labels);
  }
}
