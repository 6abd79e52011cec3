package dev.meerkat.notify;

import java.util.Locale;

/** How urgent an alert is, as carried in a notification: page (now) or ticket (working hours). */
public enum AlertSeverity {
  PAGE,
  TICKET;

  /** Lower-case wire name: {@code page} or {@code ticket}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
