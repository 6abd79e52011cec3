package dev.meerkat.dashboard.services.domain;

import dev.meerkat.store.query.OperationSummary;
import dev.meerkat.store.query.OperationTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a service's endpoints table: an operation's RED and its share of the service's time.
 *
 * @param red rate, errors and latency of the operation
 * @param totalMillis the summed durations of its spans (sample-weighted)
 * @param shareOfTime {@code totalMillis} over the sum of every operation's total of the service, 0
 *     when the service spent no time at all
 */
public record Endpoint(OperationSummary red, double totalMillis, double shareOfTime) {

  /**
   * Joins the operations with their times by name and kind. The service's time is the sum over its
   * operations, so the shares add up to 1; an operation without a time has share 0.
   */
  public static List<Endpoint> of(List<OperationSummary> operations, List<OperationTime> times) {
    Map<List<String>, Double> byOperation = new HashMap<>();
    double total = 0;
    for (OperationTime time : times) {
      byOperation.put(List.of(time.operation(), time.kind()), time.totalMillis());
      total += time.totalMillis();
    }
    double serviceMillis = total;
    return operations.stream()
        .map(
            o -> {
              double millis = byOperation.getOrDefault(List.of(o.operation(), o.kind()), 0.0);
              return new Endpoint(o, millis, serviceMillis > 0 ? millis / serviceMillis : 0);
            })
        .toList();
  }
}
