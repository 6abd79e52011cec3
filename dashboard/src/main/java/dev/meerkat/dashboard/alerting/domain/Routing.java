package dev.meerkat.dashboard.alerting.domain;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing tree, flat: routes are tried in order; the first that matches decides, unless it says
 * {@code continueMatching}, in which case the next matching routes add their channels too
 * (Alertmanager's semantics). No matching route: the alert goes nowhere (and the alert history
 * still shows it).
 */
public record Routing(List<AlertRoute> routes) {

  public Routing {
    routes = routes.stream().sorted(Comparator.comparingInt(AlertRoute::ordinal)).toList();
  }

  /** Channel ids for an alert with these labels, each once, in route order. */
  public Set<String> channelsFor(Map<String, String> labels) {
    Set<String> channels = new LinkedHashSet<>();
    for (AlertRoute route : routes) {
      if (route.matchers().matches(labels)) {
        channels.addAll(route.channelIds());
        if (!route.continueMatching()) {
          break;
        }
      }
    }
    return channels;
  }
}
