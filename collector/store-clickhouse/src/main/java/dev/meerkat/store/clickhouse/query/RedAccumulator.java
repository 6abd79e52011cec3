package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.LatencyHistogram;

/** Sums RED rollup rows (is_error, latency_bucket, spans) into counts and a latency histogram. */
final class RedAccumulator {

  private final LatencyHistogram histogram = new LatencyHistogram();
  private double errors;

  /** Adds a row with columns {@code is_error}, {@code latency_bucket} and {@code spans}. */
  void add(Row row) {
    double spans = row.doubleValue("spans");
    histogram.add((int) row.longValue("latency_bucket"), spans);
    if (row.longValue("is_error") == 1) {
      errors += spans;
    }
  }

  double total() {
    return histogram.total();
  }

  double errorRatio() {
    return total() > 0 ? errors / total() : 0;
  }

  double quantileMillis(double q) {
    return histogram.quantileMillis(q);
  }
}
