package dev.meerkat.store.slo;

import java.util.Locale;

/**
 * The one vocabulary of alert state, used by the evaluator, the stores and the notification
 * payloads alike (it lives here because the dashboard and the notifiers both depend on this
 * module).
 *
 * <ul>
 *   <li>{@link #OK}: not firing, and no incident is open (the state of a new alert).
 *   <li>{@link #FIRING}: the condition holds; an incident is open.
 *   <li>{@link #RESOLVED}: the incident just closed. Like OK it means "not firing"; it is the state
 *       carried by the notification and the history row of the change back from FIRING.
 * </ul>
 */
public enum AlertState {
  OK,
  FIRING,
  RESOLVED;

  public boolean isFiring() {
    return this == FIRING;
  }

  /** Lower-case wire name: {@code ok}, {@code firing} or {@code resolved}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
