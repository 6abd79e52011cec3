package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.metric.LabelMatcher;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.StepAggregation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** SQL shared by the metric series reads over {@code metric_points}. */
final class MetricPointSql {

  /** The label that selects the point's service rather than an attribute. */
  static final String SERVICE_LABEL = "service.name";

  /** Point attributes as sorted labels, so attribute order does not split a series. */
  static final String LABEL_COLUMNS =
      "arraySort(attribute_keys) AS label_keys,"
          + " arraySort((v, k) -> k, attribute_values, attribute_keys) AS label_values";

  private MetricPointSql() {}

  /** The WHERE conditions of {@code query} for points of {@code types} (SQL list, quoted). */
  static String where(MetricSeriesQuery query, String types) {
    List<String> conditions = new ArrayList<>();
    conditions.add("metric_name = " + SqlLiteral.string(query.metric()));
    conditions.add("metric_type IN (" + types + ")");
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
    return String.join(" AND ", conditions);
  }

  /** The step start in epoch seconds, as column {@code step_start}. */
  static String stepStart(MetricSeriesQuery query) {
    long step = query.step().toSeconds();
    return "intDiv(toUInt32(timestamp), " + step + ") * " + step + " AS step_start";
  }

  static String aggregate(StepAggregation aggregation, String column) {
    return switch (aggregation) {
      case AVG -> "avg(" + column + ")";
      case LAST -> "argMax(" + column + ", time_unix_nano)";
      case SUM -> "sum(" + column + ")";
      case MIN -> "min(" + column + ")";
      case MAX -> "max(" + column + ")";
    };
  }

  /**
   * Rows ordered by series (service and sorted attributes) as samples grouped per series, in order;
   * the service becomes the {@value #SERVICE_LABEL} label.
   */
  static <S> Map<Map<String, String>, List<S>> bySeries(List<Row> rows, Function<Row, S> sample) {
    Map<Map<String, String>, List<S>> bySeries = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, String> labels =
          Attributes.zip(row.strings("label_keys"), row.strings("label_values"));
      labels.put(SERVICE_LABEL, row.string("service_name"));
      bySeries.computeIfAbsent(labels, key -> new ArrayList<>()).add(sample.apply(row));
    }
    return bySeries;
  }

  private static String label(String name) {
    if (name.equals(SERVICE_LABEL)) {
      return "service_name";
    }
    if (name.equals(LabelMatcher.INSTANCE_LABEL)) {
      return InstanceSql.ID;
    }
    return "attribute_values[indexOf(attribute_keys, " + SqlLiteral.string(name) + ")]";
  }
}
