package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.LatencyBudgetBurners;
import dev.meerkat.dashboard.slo.domain.LatencyIndicator;
import dev.meerkat.dashboard.slo.domain.RollupCell;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.SlowOperation;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.store.query.RequestCellRepository;
import dev.meerkat.store.query.TraceOverview;
import dev.meerkat.store.query.TraceQuery;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What burned a latency SLO's budget: its operations ranked by the slow requests of the current
 * period, read from the same per-minute latency-bucket rollup the SLI is computed from (so the
 * shares add up to the budget the SLO page reports as spent), each with a few example traces found
 * by a trace search for the operation's spans that took at least the threshold.
 */
public final class SlowRequestBurners {

  /** Operations shown. */
  static final int OPERATIONS = 10;

  /** Example traces per operation. */
  static final int EXAMPLES = 3;

  private final SloRepository slos;
  private final RequestCellRepository cells;
  private final TraceRepository traces;
  private final Clock clock;

  public SlowRequestBurners(
      SloRepository slos, RequestCellRepository cells, TraceRepository traces, Clock clock) {
    this.slos = slos;
    this.cells = cells;
    this.traces = traces;
    this.clock = clock;
  }

  /** Most slow requests first; empty for an availability SLO or an unknown id. */
  public List<SlowOperation> slowOperations(String sloId) {
    Instant now = clock.instant();
    return slos.find(sloId)
        .map(StoredSlos::objective)
        .filter(slo -> slo.indicator() instanceof LatencyIndicator)
        .map(slo -> slowOperations(slo, now))
        .orElse(List.of());
  }

  private List<SlowOperation> slowOperations(ServiceLevelObjective slo, Instant now) {
    LatencyIndicator latency = (LatencyIndicator) slo.indicator();
    // Whole rollup minutes, ending at the last complete one, as the SLI's windows.
    Instant from = slo.window().start(now).truncatedTo(ChronoUnit.MINUTES);
    Instant to = now.truncatedTo(ChronoUnit.MINUTES);
    if (!from.isBefore(to)) {
      return List.of();
    }
    List<RollupCell> rollup =
        RollupEventCountSource.rollupCells(cells.requestCells(slo.service(), from, to));
    List<SlowOperation> ranked = new ArrayList<>();
    for (SlowOperation operation : LatencyBudgetBurners.rank(latency, rollup, OPERATIONS)) {
      ranked.add(operation.withExampleTraces(examples(slo, latency, operation, from, to)));
    }
    return ranked;
  }

  private List<String> examples(
      ServiceLevelObjective slo,
      LatencyIndicator latency,
      SlowOperation operation,
      Instant from,
      Instant to) {
    TraceQuery query =
        TraceQuery.between(from, to)
            .withService(slo.service())
            .withOperation(operation.operation())
            .withMinDuration(latency.threshold())
            .withLimit(EXAMPLES);
    return traces.search(query).traces().stream().map(TraceOverview::traceId).toList();
  }
}
