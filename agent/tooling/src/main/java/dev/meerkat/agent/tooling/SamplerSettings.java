package dev.meerkat.agent.tooling;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Builds the {@link WeightedSampler} from {@code otel.traces.sampler}, {@code
 * otel.traces.sampler.arg} and Meerkat's options. A bad value is reported in {@code problems} and
 * the default used: the application always starts traced.
 */
final class SamplerSettings {
  static final String DEFAULT = "parentbased_always_on";
  static final String RATE_LIMITED = "meerkat_rate_limited";
  static final double DEFAULT_TRACES_PER_SECOND = 10;
  static final List<String> NAMES =
      Collections.unmodifiableList(
          Arrays.asList(
              "always_on",
              "always_off",
              "traceidratio",
              "parentbased_always_on",
              "parentbased_always_off",
              "parentbased_traceidratio",
              RATE_LIMITED));

  private SamplerSettings() {}

  /**
   * {@code tracesPerSecond} ({@code meerkat.sampler.traces_per_second}), when set and valid, wins
   * over the OpenTelemetry sampler options: it means {@code meerkat_rate_limited} with that arg.
   */
  static WeightedSampler create(
      String name,
      String arg,
      String tracesPerSecond,
      PathSamplingRules rules,
      List<String> problems,
      LongSupplier nanoTime) {
    if (tracesPerSecond != null && !tracesPerSecond.trim().isEmpty()) {
      Double limit = positive(tracesPerSecond);
      if (limit != null) {
        return rateLimited(limit, rules, nanoTime);
      }
      problems.add(
          "meerkat.sampler.traces_per_second="
              + tracesPerSecond
              + " is not a positive number; ignored");
    }
    String sampler =
        name == null || name.trim().isEmpty() ? DEFAULT : name.trim().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(sampler)) {
      problems.add(
          "otel.traces.sampler="
              + name
              + " is not supported; using "
              + DEFAULT
              + " (supported: "
              + String.join(", ", NAMES)
              + ")");
      sampler = DEFAULT;
    }
    boolean hasArg = arg != null && !arg.trim().isEmpty();
    if (sampler.equals(RATE_LIMITED)) {
      Double limit = hasArg ? positive(arg) : Double.valueOf(DEFAULT_TRACES_PER_SECOND);
      if (limit == null) {
        problems.add(
            "otel.traces.sampler.arg="
                + arg
                + " is not a positive number of traces per second; using "
                + DEFAULT_TRACES_PER_SECOND);
        limit = DEFAULT_TRACES_PER_SECOND;
      }
      return rateLimited(limit, rules, nanoTime);
    }
    boolean parentBased = sampler.startsWith("parentbased_");
    String root = parentBased ? sampler.substring("parentbased_".length()) : sampler;
    double ratio = root.equals("always_off") ? 0.0 : 1.0;
    if (root.equals("traceidratio") && hasArg) {
      Double parsed = ratio(arg);
      if (parsed == null) {
        problems.add(
            "otel.traces.sampler.arg="
                + arg
                + " is not a ratio between 0 and 1; using 1.0 (sample everything)");
      } else {
        ratio = parsed;
      }
    }
    String description = parentBased ? "parentbased(" + root + " " + ratio + ")" : sampler;
    if (!parentBased && root.equals("traceidratio")) {
      description = "traceidratio " + ratio;
    }
    return new WeightedSampler(parentBased, ratio, null, rules, "meerkat " + description);
  }

  private static WeightedSampler rateLimited(
      double limit, PathSamplingRules rules, LongSupplier nanoTime) {
    return new WeightedSampler(
        true,
        1.0,
        new RateLimitedProbability(limit, nanoTime),
        rules,
        "meerkat parentbased(rate limited " + limit + "/s)");
  }

  private static Double positive(String value) {
    try {
      double number = Double.parseDouble(value.trim());
      return number > 0 && !Double.isInfinite(number) ? number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double ratio(String value) {
    try {
      double number = Double.parseDouble(value.trim());
      return number >= 0 && number <= 1 ? number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
