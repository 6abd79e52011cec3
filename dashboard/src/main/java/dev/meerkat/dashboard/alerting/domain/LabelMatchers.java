package dev.meerkat.dashboard.alerting.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Equality matchers on labels ({@code service=checkout, severity=page}): all must hold. No matchers
 * match everything. A missing label never equals a value.
 */
public record LabelMatchers(Map<String, String> required) {

  public static final LabelMatchers ANY = new LabelMatchers(Map.of());

  public LabelMatchers {
    required = Map.copyOf(required);
  }

  public boolean matches(Map<String, String> labels) {
    return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  /**
   * Parses {@code k=v, k=v}; returns the problems (empty when valid) through {@code problems}. Keys
   * and values are trimmed; a key may appear once.
   */
  public static LabelMatchers parse(String text, List<String> problems) {
    Map<String, String> parsed = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return ANY;
    }
    for (String part : text.split(",")) {
      String pair = part.strip();
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        problems.add("'" + pair + "' is not label=value");
        continue;
      }
      String key = pair.substring(0, eq).strip();
      String value = pair.substring(eq + 1).strip();
      if (parsed.put(key, value) != null) {
        problems.add("label '" + key + "' appears twice");
      }
    }
    return new LabelMatchers(parsed);
  }

  /** Parses text already known to be valid. */
  public static LabelMatchers parse(String text) {
    List<String> problems = new ArrayList<>();
    LabelMatchers matchers = parse(text, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return matchers;
  }

  public static String format(Map<String, String> labels) {
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return required.isEmpty() ? "(any)" : format(required);
  }
}
