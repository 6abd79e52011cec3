package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.InstanceSpanRepository;
import dev.meerkat.store.query.InstanceSpans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link InstanceSpanRepository} over {@code service_instances_1h} (V0029) for the whole hours of a
 * range and {@code spans} for the minutes before the first and after the last whole hour (and for
 * the hours before the rollup's first complete one, on a database that held spans before V0029). A
 * 30-day range reads about 720 rollup rows per instance and at most two hours of the service's
 * spans.
 */
public final class ClickHouseInstanceSpanRepository implements InstanceSpanRepository {

  /**
   * Raw spans for the partial hours (read by whole minutes, see {@link #instances}), then hours.
   */
  private static final List<RollupSql.Resolution> RESOLUTIONS =
      List.of(
          new RollupSql.Resolution("spans", "start_time", RollupSql.MINUTE),
          new RollupSql.Resolution("service_instances_1h", "hour", RollupSql.HOUR));

  private static final String ROLLUP_COLUMNS =
      "instance, sumMerge(span_count) AS spans, sumMerge(request_count) AS requests,"
          + " sumMerge(error_count) AS errors, minMerge(first_seen) AS first,"
          + " maxMerge(last_seen) AS last";

  private static final String SPAN_COLUMNS =
      InstanceSql.ID
          + " AS instance, sum(sample_rate) AS spans, sumIf(sample_rate, "
          + IS_REQUEST
          + ") AS requests, sumIf(sample_rate, "
          + IS_REQUEST
          + " AND status_code = 'ERROR') AS errors, min(start_time) AS first,"
          + " max(start_time) AS last";

  private final ClickHouseStore store;
  private final RollupCoverage coverage;

  public ClickHouseInstanceSpanRepository(ClickHouseStore store) {
    this.store = store;
    this.coverage = new RollupCoverage(store, RESOLUTIONS);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The range is cut at the minutes RED counts (a minute is in when its start is at or after
   * {@code from} and before {@code to}, both in whole seconds), so the spans read at the edges
   * start in [first minute, minute after the last).
   */
  @Override
  public List<InstanceSpans> instances(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    String where = "service_name = " + SqlLiteral.string(service);
    List<String> selects = new ArrayList<>();
    for (RollupSql.Segment segment :
        RollupSql.segments(
            RESOLUTIONS, firstMinuteFrom(from), firstMinuteFrom(to), coverage.coveredFrom())) {
      boolean rollup = segment.resolution() != RESOLUTIONS.getFirst();
      selects.add(
          "SELECT "
              + (rollup ? ROLLUP_COLUMNS : SPAN_COLUMNS)
              + " FROM "
              + segment.resolution().table()
              + " WHERE "
              + where
              + " AND "
              + segment.condition()
              + " GROUP BY instance");
    }
    List<Row> rows =
        store.read(
            "SELECT instance, sum(spans) AS spans, sum(requests) AS requests, sum(errors) AS"
                + " errors, toUInt32(min(first)) AS first_seen, toUInt32(max(last)) AS last_seen"
                + " FROM ("
                + String.join(" UNION ALL ", selects)
                + ") GROUP BY instance ORDER BY instance");
    List<InstanceSpans> instances = new ArrayList<>(rows.size());
    for (Row row : rows) {
      instances.add(
          new InstanceSpans(
              row.string("instance"),
              row.doubleValue("spans"),
              row.doubleValue("requests"),
              row.doubleValue("errors"),
              Instant.ofEpochSecond(row.longValue("first_seen")),
              Instant.ofEpochSecond(row.longValue("last_seen"))));
    }
    return instances;
  }

  /** The start of the first whole minute at or after {@code instant} (cut to whole seconds). */
  private static Instant firstMinuteFrom(Instant instant) {
    long seconds = instant.getEpochSecond();
    return Instant.ofEpochSecond(Math.ceilDiv(seconds, RollupSql.MINUTE) * RollupSql.MINUTE);
  }
}
