package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.EventCounts;
import dev.meerkat.dashboard.slo.domain.EventWindow;
import dev.meerkat.dashboard.slo.domain.RollupCell;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.store.query.RequestCell;
import dev.meerkat.store.query.RequestCellRepository;
import dev.meerkat.store.query.ServiceRange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * SLI events from the per-minute RED rollup. Both ends of a window are truncated to the minute: a
 * window counts whole rollup minutes, as long as asked for (5 m is five minutes), and ends at the
 * last complete minute, since the collector is still writing the current one. Several windows are
 * one store read.
 */
public final class RollupEventCountSource implements EventCountSource {

  private final RequestCellRepository cells;

  public RollupEventCountSource(RequestCellRepository cells) {
    this.cells = cells;
  }

  @Override
  public EventCounts count(ServiceLevelObjective slo, Instant from, Instant to) {
    return countEach(List.of(new EventWindow(slo, from, to))).getFirst();
  }

  @Override
  public List<EventCounts> countEach(List<EventWindow> windows) {
    List<ServiceRange> minutes =
        windows.stream()
            .map(
                window ->
                    new ServiceRange(
                        window.slo().service(),
                        window.from().truncatedTo(ChronoUnit.MINUTES),
                        window.to().truncatedTo(ChronoUnit.MINUTES)))
            .toList();
    List<List<RequestCell>> stored = cells.requestCells(minutes);
    List<EventCounts> counts = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      counts.add(windows.get(i).slo().indicator().count(rollupCells(stored.get(i))));
    }
    return counts;
  }

  /** The store's cells as the SLO engine's (the domain knows no store types). */
  static List<RollupCell> rollupCells(List<RequestCell> stored) {
    List<RollupCell> rollup = new ArrayList<>(stored.size());
    for (RequestCell cell : stored) {
      rollup.add(
          new RollupCell(cell.operation(), cell.error(), cell.latencyBucket(), cell.requests()));
    }
    return rollup;
  }
}
