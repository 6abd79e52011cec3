package dev.meerkat.store.query.metric;

/** How the points of one series inside one step become the step's value. */
public enum StepAggregation {
  /** Mean of the values: gauges. */
  AVG,
  /** The value of the latest point: cumulative sums and gauges sampled at the step end. */
  LAST,
  /** Sum of the values: delta sums (counts per step). */
  SUM,
  MIN,
  MAX
}
