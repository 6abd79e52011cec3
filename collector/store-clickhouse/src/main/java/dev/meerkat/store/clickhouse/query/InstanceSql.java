package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.query.metric.LabelMatcher;

/**
 * The one rule that names the instance a span or a metric point came from: its {@value
 * LabelMatcher#INSTANCE_LABEL} resource attribute, the empty string when it has none (indexOf gives
 * 0 for a missing key, and index 0 reads as ''). Spans and metric points share the column names, so
 * the two sources of the service page's instances merge on the same names. The view of V0029 writes
 * this expression into its SQL text; {@code InstanceSqlTest} checks that it still does.
 */
final class InstanceSql {

  /** The instance of the row, as an SQL expression over {@code resource_keys/resource_values}. */
  static final String ID =
      "resource_values[indexOf(resource_keys, "
          + SqlLiteral.string(LabelMatcher.INSTANCE_LABEL)
          + ")]";

  private InstanceSql() {}
}
