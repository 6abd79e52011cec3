package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.query.AttributeFilter;
import dev.meerkat.store.query.TraceQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the trace explorer's form asks for, as it travels in the page's URL: the same parameter
 * names as {@code GET /api/v1/traces} ({@code service}, {@code operation}, {@code minDurationMs},
 * {@code maxDurationMs}, {@code status}, {@code attr=key=value}, {@code cursor}) plus {@code range}
 * (one of {@link #RANGES}, counted back from now). A value that cannot be read from a hand-edited
 * URL is dropped rather than failing the page; {@link #problems()} says which.
 *
 * @param service span's service, empty for any
 * @param operation span's name, empty for any
 * @param minMillis span lasted at least this many ms
 * @param maxMillis span lasted at most this many ms
 * @param status span's status, empty for any
 * @param attributes attribute filters, all of them must match on one span
 * @param range how far back from now to search, one of {@link #RANGES}
 * @param cursor the page after the one this cursor came with, empty for the first page
 * @param problems what was dropped from the URL and why
 */
public record TraceSearch(
    String service,
    String operation,
    Optional<BigDecimal> minMillis,
    Optional<BigDecimal> maxMillis,
    Optional<SpanStatus> status,
    List<AttributeFilter> attributes,
    String range,
    String cursor,
    List<String> problems) {

  /** The time range presets, label to length. */
  public static final Map<String, Duration> RANGES = ranges();

  public static final String DEFAULT_RANGE = "1h";

  /** Rows per page of results (and points in the scatter plot). */
  public static final int PAGE_SIZE = 50;

  public TraceSearch {
    attributes = List.copyOf(attributes);
    problems = List.copyOf(problems);
  }

  public static TraceSearch empty() {
    return new TraceSearch(
        "",
        "",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        DEFAULT_RANGE,
        "",
        List.of());
  }

  /** Reads the URL's query parameters (each name to its values, as Vaadin hands them over). */
  public static TraceSearch fromParameters(Map<String, List<String>> parameters) {
    List<String> problems = new ArrayList<>();
    List<AttributeFilter> attributes = new ArrayList<>();
    for (String pair : parameters.getOrDefault("attr", List.of())) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        attributes.add(new AttributeFilter(pair.substring(0, equals), pair.substring(equals + 1)));
      } else {
        problems.add("attr must be key=value with a non-empty key, was '" + pair + "'");
      }
    }
    String range = first(parameters, "range");
    if (!range.isEmpty() && !RANGES.containsKey(range)) {
      problems.add(
          "range must be one of " + String.join(", ", RANGES.keySet()) + ", was '" + range + "'");
      range = "";
    }
    return new TraceSearch(
        first(parameters, "service"),
        first(parameters, "operation"),
        millis(parameters, "minDurationMs", problems),
        millis(parameters, "maxDurationMs", problems),
        status(first(parameters, "status"), problems),
        attributes,
        range.isEmpty() ? DEFAULT_RANGE : range,
        first(parameters, "cursor"),
        problems);
  }

  /** The URL's query parameters for this search; empty fields are left out. */
  public Map<String, List<String>> toParameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    putIfSet(parameters, "service", service);
    putIfSet(parameters, "operation", operation);
    minMillis.ifPresent(v -> parameters.put("minDurationMs", List.of(v.toPlainString())));
    maxMillis.ifPresent(v -> parameters.put("maxDurationMs", List.of(v.toPlainString())));
    status.ifPresent(s -> parameters.put("status", List.of(s.name().toLowerCase(Locale.ROOT))));
    if (!attributes.isEmpty()) {
      parameters.put("attr", attributes.stream().map(a -> a.key() + "=" + a.value()).toList());
    }
    parameters.put("range", List.of(range));
    putIfSet(parameters, "cursor", cursor);
    return parameters;
  }

  /** The store query for the range ending at {@code now}, one page of {@link #PAGE_SIZE}. */
  public TraceQuery toQuery(Instant now) {
    // Spans may start a little in the future of this clock (skewed hosts): include a minute.
    Instant to = now.plusSeconds(60);
    TraceQuery query = TraceQuery.between(now.minus(RANGES.get(range)), to).withLimit(PAGE_SIZE);
    if (!service.isEmpty()) {
      query = query.withService(service);
    }
    if (!operation.isEmpty()) {
      query = query.withOperation(operation);
    }
    if (minMillis.isPresent()) {
      query = query.withMinDuration(nanos(minMillis.get()));
    }
    if (maxMillis.isPresent()) {
      query = query.withMaxDuration(nanos(maxMillis.get()));
    }
    if (status.isPresent()) {
      query = query.withStatus(status.get());
    }
    for (AttributeFilter attribute : attributes) {
      query = query.withAttribute(attribute.key(), attribute.value());
    }
    return cursor.isEmpty() ? query : query.withCursor(cursor);
  }

  /** The same search from its first page. */
  public TraceSearch firstPage() {
    return withCursor("");
  }

  /** The same search at the page {@code next} points to. */
  public TraceSearch withCursor(String next) {
    return new TraceSearch(
        service, operation, minMillis, maxMillis, status, attributes, range, next, problems);
  }

  private static Map<String, Duration> ranges() {
    Map<String, Duration> ranges = new LinkedHashMap<>();
    ranges.put("15m", Duration.ofMinutes(15));
    ranges.put("1h", Duration.ofHours(1));
    ranges.put("6h", Duration.ofHours(6));
    ranges.put("24h", Duration.ofHours(24));
    ranges.put("7d", Duration.ofDays(7));
    return Collections.unmodifiableMap(ranges);
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.getOrDefault(name, List.of());
    return values.isEmpty() ? "" : values.get(0).strip();
  }

  private static void putIfSet(Map<String, List<String>> parameters, String name, String value) {
    if (!value.isEmpty()) {
      parameters.put(name, List.of(value));
    }
  }

  private static Optional<BigDecimal> millis(
      Map<String, List<String>> parameters, String name, List<String> problems) {
    String value = first(parameters, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigDecimal millis = new BigDecimal(value);
      if (millis.signum() >= 0) {
        return Optional.of(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be a non-negative number of milliseconds, was '" + value + "'");
    return Optional.empty();
  }

  private static Optional<SpanStatus> status(String value, List<String> problems) {
    if (value.isEmpty() || value.equalsIgnoreCase("any")) {
      return Optional.empty();
    }
    for (SpanStatus candidate : SpanStatus.values()) {
      if (candidate.name().equalsIgnoreCase(value)) {
        return Optional.of(candidate);
      }
    }
    problems.add("status must be one of any, ok, error, unset, was '" + value + "'");
    return Optional.empty();
  }

  private static Duration nanos(BigDecimal millis) {
    return Duration.ofNanos(millis.movePointRight(6).longValue());
  }
}
