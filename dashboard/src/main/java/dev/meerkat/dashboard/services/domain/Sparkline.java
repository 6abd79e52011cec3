package dev.meerkat.dashboard.services.domain;

import dev.meerkat.store.query.ServiceTrafficPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of one service over a window, in steps: every step of the window is present (steps
 * without requests hold 0), so sparklines of different services share their time axis.
 *
 * @param steps in time order
 */
public record Sparkline(List<Step> steps) {

  /** Steps to choose from: the smallest giving at most {@link #MAX_STEPS} steps is taken. */
  private static final List<Duration> STEP_SIZES =
      List.of(1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440).stream()
          .map(Duration::ofMinutes)
          .toList();

  static final int MAX_STEPS = 30;

  public Sparkline {
    steps = List.copyOf(steps);
  }

  /**
   * One step, clipped to the window.
   *
   * @param start first second of the step
   * @param end end of the step (exclusive)
   * @param requests requests that started in it
   * @param errors of those, the failed ones
   */
  public record Step(Instant start, Instant end, double requests, double errors) {

    public double requestsPerSecond() {
      return requests / Math.max(1, Duration.between(start, end).toSeconds());
    }

    public double errorRatio() {
      return requests > 0 ? errors / requests : 0;
    }
  }

  /** The step size for a window: at most {@value #MAX_STEPS} steps, one day for longer ones. */
  public static Duration stepFor(Instant from, Instant to) {
    Duration window = Duration.between(from, to);
    for (Duration step : STEP_SIZES) {
      if (window.toSeconds() <= step.toSeconds() * MAX_STEPS) {
        return step;
      }
    }
    return STEP_SIZES.getLast();
  }

  /**
   * Lays one service's points on every step of [from, to): steps start at multiples of {@code step}
   * since the epoch, the first and last are clipped to the window.
   */
  public static Sparkline of(
      List<ServiceTrafficPoint> points, Instant from, Instant to, Duration step) {
    Map<Instant, ServiceTrafficPoint> byStart = new HashMap<>();
    points.forEach(p -> byStart.put(p.start(), p));
    long stepSeconds = step.toSeconds();
    List<Step> steps = new ArrayList<>();
    long first = Math.floorDiv(from.getEpochSecond(), stepSeconds) * stepSeconds;
    for (long s = first; s < to.getEpochSecond(); s += stepSeconds) {
      Instant start = Instant.ofEpochSecond(Math.max(s, from.getEpochSecond()));
      Instant end = Instant.ofEpochSecond(Math.min(s + stepSeconds, to.getEpochSecond()));
      ServiceTrafficPoint point = byStart.get(start);
      steps.add(
          new Step(
              start,
              end,
              point == null ? 0 : point.requests(),
              point == null ? 0 : point.errors()));
    }
    return new Sparkline(steps);
  }
}
