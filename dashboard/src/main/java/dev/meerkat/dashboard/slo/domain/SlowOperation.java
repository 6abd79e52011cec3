package dev.meerkat.dashboard.slo.domain;

import java.util.List;
import java.util.Objects;

/**
 * Slow requests of one operation: what burned a latency SLO's budget.
 *
 * @param operation span name
 * @param slowRequests sample-rate-weighted requests the SLI counted as bad (in the bucket holding
 *     the threshold or above)
 * @param share their share of all bad events of the SLO in the period, in [0, 1]: the share of the
 *     spent budget this operation is responsible for
 * @param exampleTraceIds a few traces with a request of this operation slower than the threshold
 */
public record SlowOperation(
    String operation, double slowRequests, double share, List<String> exampleTraceIds) {

  public SlowOperation {
    Objects.requireNonNull(operation, "operation");
    exampleTraceIds = List.copyOf(exampleTraceIds);
  }

  public SlowOperation withExampleTraces(List<String> traceIds) {
    return new SlowOperation(operation, slowRequests, share, traceIds);
  }
}
