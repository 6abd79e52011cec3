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

  /**
   * {@link #requestCells(String, Instant, Instant)} for each range, in the order given. Each SLO
   * reads its period and seven burn windows, its page 30 history steps: a store that can answer
   * them in one read saves a round trip per range.
   */
  default List<List<RequestCell>> requestCells(List<ServiceRange> ranges) {
    return ranges.stream()
        .map(range -> requestCells(range.service(), range.from(), range.to()))
        .toList();
  }
}
