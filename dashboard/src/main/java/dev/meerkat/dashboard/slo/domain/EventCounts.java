package dev.meerkat.dashboard.slo.domain;

/**
 * Sample-rate-weighted events of an SLI over one time range: every request the SLI covers, and the
 * bad ones among them (errors for availability, requests not known to be fast enough for latency).
 *
 * @param total all events, >= 0
 * @param bad bad events, in [0, total]
 */
public record EventCounts(double total, double bad) {

  public static final EventCounts NONE = new EventCounts(0, 0);

  public EventCounts {
    if (!(total >= 0) || !(bad >= 0) || bad > total * (1 + 1e-12)) {
      throw new IllegalArgumentException(
          "need 0 <= bad <= total, was bad=" + bad + " total=" + total);
    }
  }

  public double good() {
    return total - bad;
  }

  public boolean isEmpty() {
    return total <= 0;
  }

  public EventCounts plus(EventCounts other) {
    return new EventCounts(total + other.total, bad + other.bad);
  }
}
