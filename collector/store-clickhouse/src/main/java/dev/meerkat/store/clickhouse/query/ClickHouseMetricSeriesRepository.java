package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.metric.LabelMatcher;
import dev.meerkat.store.query.metric.MetricSample;
import dev.meerkat.store.query.metric.MetricSeries;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.MetricSeriesRepository;
import dev.meerkat.store.query.metric.StepAggregation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MetricSeriesRepository} over {@code metric_points}. A series is one service and one set of
 * point attributes (compared with keys sorted, so attribute order does not split a series); each
 * step's value is computed by ClickHouse with the query's aggregation.
 */
public final class ClickHouseMetricSeriesRepository implements MetricSeriesRepository {

  /** The label that selects the point's service rather than an attribute. */
  static final String SERVICE_LABEL = "service.name";

  private final ClickHouseStore store;

  public ClickHouseMetricSeriesRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public List<MetricSeries> series(MetricSeriesQuery query) {
    store.limits().checkRange(query.from(), query.to());
    long step = query.step().toSeconds();
    List<String> conditions = new ArrayList<>();
    conditions.add("metric_name = " + SqlLiteral.string(query.metric()));
    conditions.add("metric_type IN ('GAUGE', 'SUM')");
    conditions.add("timestamp >= " + SqlLiteral.dateTime(query.from()));
    conditions.add("timestamp <= " + SqlLiteral.dateTime(query.to()));
    conditions.add("time_unix_nano >= " + SqlLiteral.uint64(SqlLiteral.epochNanos(query.from())));
    conditions.add("time_unix_nano < " + SqlLiteral.uint64(SqlLiteral.epochNanos(query.to())));
    for (LabelMatcher matcher : query.matchers()) {
      conditions.add(
          label(matcher.name())
              + (matcher.negated() ? " != " : " = ")
              + SqlLiteral.string(matcher.value()));
    }
    List<Row> rows =
        store.read(
            "SELECT service_name, arraySort(attribute_keys) AS label_keys,"
                + " arraySort((v, k) -> k, attribute_values, attribute_keys) AS label_values,"
                + " intDiv(toUInt32(timestamp), "
                + step
                + ") * "
                + step
                + " AS step_start, "
                + aggregate(query.aggregation())
                + " AS value FROM metric_points WHERE "
                + String.join(" AND ", conditions)
                + " GROUP BY service_name, label_keys, label_values, step_start"
                + " ORDER BY service_name, label_keys, label_values, step_start");
    Map<Map<String, String>, List<MetricSample>> bySeries = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, String> labels =
          Attributes.zip(row.strings("label_keys"), row.strings("label_values"));
      labels.put(SERVICE_LABEL, row.string("service_name"));
      bySeries
          .computeIfAbsent(labels, key -> new ArrayList<>())
          .add(
              new MetricSample(
                  Instant.ofEpochSecond(row.longValue("step_start")), row.doubleValue("value")));
    }
    List<MetricSeries> series = new ArrayList<>(bySeries.size());
    bySeries.forEach((labels, samples) -> series.add(new MetricSeries(labels, samples)));
    return series;
  }

  private static String label(String name) {
    if (name.equals(SERVICE_LABEL)) {
      return "service_name";
    }
    // A missing key gives index 0, which reads as ''.
    return "attribute_values[indexOf(attribute_keys, " + SqlLiteral.string(name) + ")]";
  }

  private static String aggregate(StepAggregation aggregation) {
    return switch (aggregation) {
      case AVG -> "avg(value)";
      case LAST -> "argMax(value, time_unix_nano)";
      case SUM -> "sum(value)";
      case MIN -> "min(value)";
      case MAX -> "max(value)";
    };
  }
}
