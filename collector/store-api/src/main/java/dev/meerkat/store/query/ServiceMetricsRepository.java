package dev.meerkat.store.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-service RED metrics read from the RED rollups. Time ranges are half-open [from, to) and
 * select whole minutes: a minute is included when its start lies in the range. Implementations may
 * read coarser rollups for the whole hours of a range as long as the result equals the per-minute
 * one.
 */
public interface ServiceMetricsRepository {

  /** Every service with any span in the range, with its request rate, errors and latency. */
  List<ServiceSummary> services(Instant from, Instant to);

  /**
   * The row of {@link #services} for one service, read from that service's rollup rows only (the
   * rollups are ordered by service): empty when it had no span in the range.
   */
  Optional<ServiceSummary> service(String service, Instant from, Instant to);

  /** Names of every service with any span in the range, sorted. */
  List<String> serviceNames(Instant from, Instant to);

  /** Per-minute request rate and p50/p99 of one service, minutes with requests only, ascending. */
  List<LatencyPoint> latencySeries(String service, Instant from, Instant to);

  /** Total and failed requests of one service (the SLI inputs). */
  RequestCounts requestCounts(String service, Instant from, Instant to);

  /**
   * Every operation (span name and kind) of {@code service} with spans in the range, with its rate,
   * errors and latency, ordered by kind then name.
   */
  List<OperationSummary> operations(String service, Instant from, Instant to);

  /**
   * The summed span durations of every operation of {@code service} with spans in the range (exact
   * sums, not bucket bounds), ordered by kind then name like {@link #operations}.
   */
  List<OperationTime> operationTimes(String service, Instant from, Instant to);

  /**
   * RED of the requests (SERVER and CONSUMER spans) of one service per {@code step}: steps start at
   * multiples of {@code step} since the epoch, the first and last are clipped to [from, to). Steps
   * without requests are left out. {@code step} is at least one minute and whole minutes.
   */
  List<RedPoint> redSeries(String service, Instant from, Instant to, Duration step);

  /**
   * As {@link #redSeries} with steps of ISO weeks: each starts on a Monday at 00:00 UTC, the first
   * and last clipped to [from, to). One query for any number of weeks.
   */
  List<RedPoint> weeklyRedSeries(String service, Instant from, Instant to);

  /** As {@link #redSeries}, for the spans of one operation (any kind) of the service. */
  List<RedPoint> operationRedSeries(
      String service, String operation, Instant from, Instant to, Duration step);
}
