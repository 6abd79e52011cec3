package dev.meerkat.dashboard.ui.time;

import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code range}, {@code from}/{@code to} and {@code refresh}, collecting what was wrong. */
final class TimeQueryReader {

  private static final String INSTANT_FORMATS =
      "use an ISO-8601 instant such as 2026-11-30T14:00:00Z or epoch milliseconds";

  private final QueryParameters query;
  private final Preset fallback;
  private final List<String> problems = new ArrayList<>();

  TimeQueryReader(QueryParameters query, Preset fallback) {
    this.query = query;
    this.fallback = fallback;
  }

  TimeSelection.Read read() {
    TimeWindow window = window();
    AutoRefresh refresh = refresh();
    Optional<String> problem =
        problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    return new TimeSelection.Read(new TimeSelection(window, refresh), problem);
  }

  private TimeWindow window() {
    Optional<String> range = query.getSingleParameter("range");
    Optional<String> from = query.getSingleParameter("from");
    Optional<String> to = query.getSingleParameter("to");
    if (from.isEmpty() && to.isEmpty()) {
      return range.map(this::preset).orElse(TimeWindow.last(fallback));
    }
    if (range.isPresent()) {
      problems.add("The link has both range and from/to: showing from/to.");
    }
    if (from.isEmpty() || to.isEmpty()) {
      String given = from.isPresent() ? "from" : "to";
      String missing = from.isPresent() ? "to" : "from";
      return fallback("The link has " + given + " but no " + missing + ": give both, or a range.");
    }
    Optional<Instant> start = instant("from", from.get());
    Optional<Instant> end = instant("to", to.get());
    if (start.isEmpty() || end.isEmpty()) {
      return TimeWindow.last(fallback);
    }
    return fixed(start.get(), end.get());
  }

  private TimeWindow preset(String token) {
    return Preset.ofToken(token)
        .map(TimeWindow::last)
        .orElseGet(() -> fallback("Unknown range '" + token + "': use " + Preset.tokens() + "."));
  }

  private TimeWindow fixed(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      return fallback("from " + from + " is not before to " + to + ".");
    }
    Duration longest = Preset.longest().duration();
    if (Duration.between(from, to).compareTo(longest) > 0) {
      problems.add(
          "The range from "
              + from
              + " to "
              + to
              + " is longer than "
              + longest.toDays()
              + " days, the longest one page shows. Showing the "
              + longest.toDays()
              + " days up to "
              + to
              + " instead.");
      return TimeWindow.between(to.minus(longest), to);
    }
    return TimeWindow.between(from, to);
  }

  private Optional<Instant> instant(String key, String text) {
    try {
      return Optional.of(
          text.chars().allMatch(Character::isDigit)
              ? Instant.ofEpochMilli(Long.parseLong(text))
              : Instant.parse(text));
    } catch (DateTimeParseException | NumberFormatException e) {
      fallback("Cannot read " + key + " '" + text + "': " + INSTANT_FORMATS + ".");
      return Optional.empty();
    }
  }

  private AutoRefresh refresh() {
    Optional<String> token = query.getSingleParameter("refresh");
    Optional<AutoRefresh> refresh = token.flatMap(AutoRefresh::ofToken);
    if (token.isPresent() && refresh.isEmpty()) {
      problems.add(
          "Unknown refresh '"
              + token.get()
              + "': use off, 10s, 30s, 1m or 5m. Auto-refresh is off.");
    }
    return refresh.orElse(AutoRefresh.OFF);
  }

  private TimeWindow fallback(String problem) {
    problems.add(problem + " Showing " + fallback.label().toLowerCase(Locale.ROOT) + " instead.");
    return TimeWindow.last(fallback);
  }
}
