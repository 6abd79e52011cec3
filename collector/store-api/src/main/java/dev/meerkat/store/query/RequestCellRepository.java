package dev.meerkat.store.query;

import java.time.Instant;
import java.util.List;

/** Reads the rollup at the resolution SLIs need: per operation, error flag and latency bucket. */
public interface RequestCellRepository {

  /**
   * The service's request cells summed over the rollup minutes that start in {@code [from, to)};
   * empty without traffic.
   */
  List<RequestCell> requestCells(String service, Instant from, Instant to);
}
