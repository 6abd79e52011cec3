package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindow;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindowDraft;
import dev.meerkat.dashboard.alerting.domain.Numbers;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.security.domain.Audited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;

/** Silences and routes for the UI. */
public class SilenceService {

  private final RoutingStore routing;
  private final Clock clock;

  public SilenceService(RoutingStore routing, Clock clock) {
    this.routing = routing;
    this.clock = clock;
  }

  /** Silences that have not expired yet. */
  public List<Silence> silences() {
    return routing.silences(clock.instant());
  }

  /** The created silence, or the problems to show. */
  public record Result<T>(Optional<T> saved, List<String> problems) {}

  /**
   * Silences the matching notifications from now for {@code duration} (e.g. {@code 2h}); at least
   * one matcher is required, so that a silence can never mute everything by accident.
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "create", object = "silence")
  public Result<Silence> create(String matchers, String duration, String comment, String by) {
    List<String> problems = new ArrayList<>();
    LabelMatchers parsed = LabelMatchers.parse(matchers, problems);
    if (problems.isEmpty() && parsed.required().isEmpty()) {
      problems.add("At least one matcher is required, e.g. service=checkout");
    }
    Duration d = Numbers.parseDuration(duration);
    if (d == null || d.isZero()) {
      problems.add("Duration must be positive, e.g. 30m, 2h or 1d, was '" + duration + "'");
    }
    if (!problems.isEmpty()) {
      return new Result<>(Optional.empty(), problems);
    }
    Instant now = clock.instant();
    Silence silence =
        new Silence(UUID.randomUUID().toString(), parsed, comment, by, now, now.plus(d));
    routing.saveSilence(silence);
    return new Result<>(Optional.of(silence), List.of());
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "expire", object = "silence")
  public boolean expire(String id) {
    return routing.expireSilence(id, clock.instant());
  }

  public List<MaintenanceWindow> maintenanceWindows() {
    return routing.maintenanceWindows();
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "create", object = "maintenance-window")
  public Result<MaintenanceWindow> addMaintenanceWindow(MaintenanceWindowDraft draft) {
    List<String> problems = draft.problems();
    if (!problems.isEmpty()) {
      return new Result<>(Optional.empty(), problems);
    }
    MaintenanceWindow window = draft.toWindow(UUID.randomUUID().toString());
    routing.saveMaintenanceWindow(window);
    return new Result<>(Optional.of(window), List.of());
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "delete", object = "maintenance-window")
  public boolean deleteMaintenanceWindow(String id) {
    return routing.deleteMaintenanceWindow(id);
  }

  public List<AlertRoute> routes() {
    return routing.routes();
  }

  /** Appends a route after the existing ones. */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "create", object = "route")
  public Result<AlertRoute> addRoute(
      String matchers, List<String> channelIds, boolean continueMatching) {
    List<String> problems = new ArrayList<>();
    LabelMatchers parsed = LabelMatchers.parse(matchers, problems);
    if (channelIds.isEmpty()) {
      problems.add("Pick at least one channel");
    }
    if (!problems.isEmpty()) {
      return new Result<>(Optional.empty(), problems);
    }
    int ordinal = routing.routes().stream().mapToInt(AlertRoute::ordinal).max().orElse(0) + 1;
    AlertRoute route =
        new AlertRoute(UUID.randomUUID().toString(), ordinal, parsed, channelIds, continueMatching);
    routing.saveRoute(route);
    return new Result<>(Optional.of(route), List.of());
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "delete", object = "route")
  public boolean deleteRoute(String id) {
    return routing.deleteRoute(id);
  }
}
