package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindow;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import java.time.Instant;
import java.util.List;

/** Routes, silences, maintenance windows, and the notifications they suppressed. */
public interface RoutingStore {

  List<AlertRoute> routes();

  void saveRoute(AlertRoute route);

  boolean deleteRoute(String id);

  /** Silences not yet expired at {@code now} (active or future), soonest ending first. */
  List<Silence> silences(Instant now);

  void saveSilence(Silence silence);

  /** Ends a silence at {@code now} (kept, expired). */
  boolean expireSilence(String id, Instant now);

  List<MaintenanceWindow> maintenanceWindows();

  void saveMaintenanceWindow(MaintenanceWindow window);

  boolean deleteMaintenanceWindow(String id);

  /** Records a suppressed notification; joins the caller's transaction. */
  void recordSuppression(Suppression suppression);

  /** Newest first. */
  List<Suppression> suppressions(int limit);

  /** The suppressions made in {@code [from, to)}, newest first (ties by id), one page. */
  List<Suppression> suppressions(Instant from, Instant to, int offset, int limit);
}
