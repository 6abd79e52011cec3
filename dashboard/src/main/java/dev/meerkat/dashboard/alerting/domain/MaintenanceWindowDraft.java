package dev.meerkat.dashboard.alerting.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A maintenance window as typed in the form: daily ({@code from}/{@code to} as {@code HH:mm} UTC)
 * or one-off ({@code from}/{@code to} as ISO instants, e.g. {@code 2026-12-01T02:00:00Z}).
 */
public record MaintenanceWindowDraft(
    String name, boolean daily, String from, String to, String matchers) {

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add("Name is required");
    }
    if (daily) {
      LocalTime start = time(from);
      LocalTime end = time(to);
      if (start == null || end == null) {
        problems.add("Daily times must be HH:mm (UTC), e.g. 02:00 and 03:00");
      } else if (start.equals(end)) {
        problems.add("A daily window must not start and end at the same time");
      }
    } else {
      Instant start = instant(from);
      Instant end = instant(to);
      if (start == null || end == null) {
        problems.add("Times must be ISO instants, e.g. 2026-12-01T02:00:00Z");
      } else if (!end.isAfter(start)) {
        problems.add("The window must end after it starts");
      }
    }
    LabelMatchers.parse(matchers, problems);
    return problems;
  }

  public MaintenanceWindow toWindow(String id) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    LabelMatchers parsed = LabelMatchers.parse(matchers);
    return daily
        ? MaintenanceWindow.daily(id, name.strip(), parsed, time(from), time(to))
        : MaintenanceWindow.once(id, name.strip(), parsed, instant(from), instant(to));
  }

  private static LocalTime time(String text) {
    if (text == null || !text.strip().matches("\\d{2}:\\d{2}")) {
      return null;
    }
    try {
      return LocalTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
