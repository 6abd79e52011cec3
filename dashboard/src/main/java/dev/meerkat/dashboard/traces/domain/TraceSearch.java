package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.query.AttributeFilter;
import dev.meerkat.store.query.TraceQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the trace explorer's form asks for, as it travels in the page's URL: the same parameter
 * names as {@code GET /api/v1/traces} ({@code service}, {@code operation}, {@code minDurationMs},
 * {@code maxDurationMs}, {@code status}, {@code attr=key=value}, {@code cursor}). The time range is
 * not part of it: the page's time picker owns the URL's {@code range}/{@code from}/{@code to} and
 * hands the resolved instants to {@link #toQuery}. A value that cannot be read from a hand-edited
 * URL is dropped rather than failing the page; {@link #problems()} says which.
 *
 * @param service span's service, empty for any
 * @param operation span's name, empty for any
 * @param minMillis span lasted at least this many ms
 * @param maxMillis span lasted at most this many ms
 * @param status span's status, empty for any
 * @param attributes attribute filters, all of them must match on one span
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
    String cursor,
    List<String> problems) {

  /** Rows per page of results (and points in the scatter plot). */
  public static final int PAGE_SIZE = 50;

  public TraceSearch {
    attributes = List.copyOf(attributes);
    problems = List.copyOf(problems);
  }

  public static TraceSearch empty() {
    return new TraceSearch(
        "", "", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), "", List.of());
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
    return new TraceSearch(
        first(parameters, "service"),
        first(parameters, "operation"),
        millis(parameters, "minDurationMs", problems),
        millis(parameters, "maxDurationMs", problems),
        status(first(parameters, "status"), problems),
        attributes,
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
    putIfSet(parameters, "cursor", cursor);
    return parameters;
  }

  /** The store query for traces started in [from, to), one page of {@link #PAGE_SIZE}. */
  public TraceQuery toQuery(Instant from, Instant to) {
    TraceQuery query = TraceQuery.between(from, to).withLimit(PAGE_SIZE);
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
        service, operation, minMillis, maxMillis, status, attributes, next, problems);
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
