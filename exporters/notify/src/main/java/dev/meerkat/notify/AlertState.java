package dev.meerkat.notify;

/** State of an SLO burn-rate alert, as carried in a notification. */
public enum AlertState {
  FIRING,
  RESOLVED;

  /** Lower-case wire name: {@code firing} or {@code resolved}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
