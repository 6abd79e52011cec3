package dev.meerkat.dashboard.slo.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An SLO's own labels as typed in the form: {@code team=payments, tier=1}. They are added to the
 * labels its alerts are routed and silenced by, so the names Meerkat sets itself are refused.
 */
public final class SloLabels {

  /** Set on every SLO alert by Meerkat; an SLO label cannot override them. */
  public static final Set<String> RESERVED = Set.of("slo", "service", "severity", "alertname");

  private SloLabels() {}

  /** The labels in {@code text}; every problem is added to {@code problems}. */
  public static Map<String, String> parse(String text, List<String> problems) {
    Map<String, String> labels = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return labels;
    }
    for (String pair : text.split(",")) {
      String trimmed = pair.strip();
      int eq = trimmed.indexOf('=');
      String name = eq < 0 ? trimmed : trimmed.substring(0, eq).strip();
      String value = eq < 0 ? "" : trimmed.substring(eq + 1).strip();
      if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*") || value.isEmpty()) {
        problems.add(
            "labels must be name=value pairs separated by commas, e.g. team=payments, was '"
                + trimmed
                + "'");
      } else if (RESERVED.contains(name)) {
        problems.add("label '" + name + "' is set by Meerkat on every SLO alert; use another name");
      } else {
        labels.put(name, value);
      }
    }
    return labels;
  }

  /** {@code team=payments, tier=1}: the text {@link #parse} reads back. */
  public static String format(Map<String, String> labels) {
    StringBuilder text = new StringBuilder();
    labels.forEach(
        (name, value) ->
            text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(value));
    return text.toString();
  }
}
