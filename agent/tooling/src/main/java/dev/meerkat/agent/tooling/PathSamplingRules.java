package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Server requests excluded from tracing ({@code meerkat.traces.exclude=/health,/actuator/*}) or
 * traced at their own ratio ({@code meerkat.traces.sampling.paths=/search/*=0.1}). Patterns are
 * globs where {@code *} matches any characters, {@code /} included; they are matched against {@code
 * url.path} and {@code http.route}. Exclusions are checked first, then ratios in the order given;
 * the first match wins.
 */
final class PathSamplingRules {
  static final PathSamplingRules NONE = new PathSamplingRules(new String[0], new double[0]);

  private final String[] patterns;
  private final double[] ratios;

  private PathSamplingRules(String[] patterns, double[] ratios) {
    this.patterns = patterns;
    this.ratios = ratios;
  }

  /**
   * Parses both options; a malformed entry is skipped and reported in {@code problems} (one entry
   * per option holding every bad element).
   */
  static PathSamplingRules parse(String exclude, String ratiosByPath, List<String> problems) {
    List<String> patterns = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (String pattern : split(exclude)) {
      patterns.add(pattern);
      ratios.add(0.0);
    }
    List<String> bad = new ArrayList<>();
    for (String entry : split(ratiosByPath)) {
      int equals = entry.lastIndexOf('=');
      Double ratio = equals > 0 ? parseRatio(entry.substring(equals + 1).trim()) : null;
      if (ratio == null) {
        bad.add(entry);
      } else {
        patterns.add(entry.substring(0, equals).trim());
        ratios.add(ratio);
      }
    }
    if (!bad.isEmpty()) {
      problems.add(
          "meerkat.traces.sampling.paths: ignored "
              + bad
              + " (expected <path pattern>=<ratio between 0 and 1>)");
    }
    if (patterns.isEmpty()) {
      return NONE;
    }
    double[] ratioArray = new double[ratios.size()];
    for (int i = 0; i < ratioArray.length; i++) {
      ratioArray[i] = ratios.get(i);
    }
    return new PathSamplingRules(patterns.toArray(new String[0]), ratioArray);
  }

  /** The ratio of the first rule matching the span's path or route; -1 when none matches. */
  double ratio(Attributes attributes) {
    if (patterns.length == 0) {
      return -1;
    }
    String path = attributes.get(HttpAttributes.URL_PATH);
    String route = attributes.get(HttpAttributes.HTTP_ROUTE);
    for (int i = 0; i < patterns.length; i++) {
      if ((path != null && matches(patterns[i], path))
          || (route != null && matches(patterns[i], route))) {
        return ratios[i];
      }
    }
    return -1;
  }

  /** Glob match, {@code *} = any run of characters; linear backtracking on the last star. */
  static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int starText = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        starText = t;
      } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++starText;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static Double parseRatio(String value) {
    try {
      double ratio = Double.parseDouble(value);
      return ratio >= 0 && ratio <= 1 ? ratio : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    if (value == null) {
      return parts;
    }
    for (String part : value.split(",")) {
      if (!part.trim().isEmpty()) {
        parts.add(part.trim());
      }
    }
    return parts;
  }
}
