package dev.meerkat.dashboard.ui.time;

import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time a page shows and how often it reloads, as it lives in the page's URL: {@code range=1h}
 * or {@code from=2026-11-30T14:00:00Z&to=2026-11-30T15:00:00Z}, and {@code refresh=30s} (left out
 * when off). Every dashboard page reads it with {@link #read} and writes it back with {@link
 * #mergeInto}, so a link shows a colleague the same view.
 */
public record TimeSelection(TimeWindow window, AutoRefresh refresh) {

  /** The URL keys a selection owns; a page's other keys are left alone. */
  public static final List<String> KEYS = List.of("range", "from", "to", "refresh");

  /** A selection read from a link, with what was wrong in the link if anything. */
  public record Read(TimeSelection selection, Optional<String> problem) {}

  public static TimeSelection of(Preset preset) {
    return new TimeSelection(TimeWindow.last(preset), AutoRefresh.OFF);
  }

  /**
   * The selection in {@code query}; a link without one, or with one the page cannot show, gives
   * {@code fallback} (and a problem that says what was wrong and what is shown instead).
   */
  public static Read read(QueryParameters query, Preset fallback) {
    return new TimeQueryReader(query, fallback).read();
  }

  /** This selection's URL keys: {@code range} or {@code from}/{@code to}, and {@code refresh}. */
  public Map<String, String> toQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    switch (window) {
      case TimeWindow.Last last -> query.put("range", last.preset().token());
      case TimeWindow.Between between -> {
        query.put("from", between.interval().from().toString());
        query.put("to", between.interval().to().toString());
      }
    }
    if (refresh != AutoRefresh.OFF) {
      query.put("refresh", refresh.token());
    }
    return query;
  }

  /** {@code current} with its time keys replaced by this selection's, its other keys kept. */
  public QueryParameters mergeInto(QueryParameters current) {
    Map<String, List<String>> merged =
        new LinkedHashMap<>(current.excluding(KEYS.toArray(String[]::new)).getParameters());
    toQuery().forEach((key, value) -> merged.put(key, List.of(value)));
    return new QueryParameters(merged);
  }

  public TimeSelection withWindow(TimeWindow newWindow) {
    return new TimeSelection(newWindow, refresh);
  }

  public TimeSelection withRefresh(AutoRefresh newRefresh) {
    return new TimeSelection(window, newRefresh);
  }
}
