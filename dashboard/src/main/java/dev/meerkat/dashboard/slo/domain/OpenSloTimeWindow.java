package dev.meerkat.dashboard.slo.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * OpenSLO {@code timeWindow} to Meerkat's window label: a rolling {@code 7d}/{@code 1w}, {@code
 * 28d}/{@code 4w} or {@code 30d}, or a {@code 1M} calendar window in UTC starting at midnight on a
 * 1st (Meerkat's calendar months are UTC months).
 */
final class OpenSloTimeWindow {

  /** The calendar start written on export: any month's first midnight would do. */
  static final String CALENDAR_START = "2020-01-01 00:00:00";

  private static final Map<String, String> ROLLING =
      Map.of("7d", "7d", "1w", "7d", "28d", "28d", "4w", "28d", "30d", "30d");

  private OpenSloTimeWindow() {}

  /** The window label, or null after reporting why the window cannot be represented. */
  static String read(YamlTree yaml, Map<String, Node> spec, Node specNode) {
    Node node = spec.get("timeWindow");
    List<Node> windows = node == null ? List.of() : yaml.sequence(node, "timeWindow");
    if (windows.size() != 1) {
      yaml.error(node == null ? specNode : node, "timeWindow must hold exactly one window");
      return null;
    }
    Map<String, Node> window =
        yaml.mapping(windows.getFirst(), "timeWindow", Set.of("duration", "isRolling", "calendar"))
            .orElse(Map.of());
    String duration = yaml.scalar(window, "duration", "timeWindow").orElse("");
    boolean calendar = window.containsKey("calendar");
    boolean rolling = yaml.bool(window, "isRolling", "timeWindow").orElse(!calendar);
    if (rolling && !calendar && ROLLING.containsKey(duration)) {
      return ROLLING.get(duration);
    }
    if (!rolling
        && calendar
        && duration.equals("1M")
        && isUtcMonthStart(yaml, window.get("calendar"))) {
      return CalendarMonthWindow.LABEL;
    }
    yaml.error(
        windows.getFirst(),
        "timeWindow must be a rolling 7d, 28d or 30d window, or a 1M calendar window starting at"
            + " midnight UTC on the 1st");
    return null;
  }

  private static boolean isUtcMonthStart(YamlTree yaml, Node calendarNode) {
    Map<String, Node> calendar =
        yaml.mapping(calendarNode, "calendar", Set.of("startTime", "timeZone")).orElse(Map.of());
    String zone = yaml.scalar(calendar, "timeZone", "calendar").orElse("");
    String start = yaml.scalar(calendar, "startTime", "calendar").orElse("");
    return (zone.equals("UTC") || zone.equals("Etc/UTC"))
        && start.matches("[0-9]{4}-[0-9]{2}-01[ T]00:00:00Z?");
  }
}
