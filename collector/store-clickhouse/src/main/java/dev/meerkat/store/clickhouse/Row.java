package dev.meerkat.store.clickhouse;

import java.util.List;
import java.util.Map;

/**
 * One result row of {@link ClickHouseStore#query(String)}. Values are kept as ClickHouse printed
 * them in TabSeparated format and unescaped on access, because an array column's elements must be
 * split before unescaping (ClickHouse does not escape array text a second time). Unknown columns
 * fail loudly.
 */
public final class Row {

  private final Map<String, Integer> columnIndex;
  private final String[] rawValues;

  Row(Map<String, Integer> columnIndex, String[] rawValues) {
    this.columnIndex = columnIndex;
    this.rawValues = rawValues;
  }

  /** The value of {@code column} as text. */
  public String string(String column) {
    return TabSeparated.unescape(raw(column));
  }

  private String raw(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new IllegalArgumentException(
          "no column '" + column + "' in result, columns are " + columnIndex.keySet());
    }
    return rawValues[index];
  }

  /** The value of an integer column. */
  public long longValue(String column) {
    return Long.parseLong(string(column));
  }

  /** The value of a numeric column; ClickHouse's {@code inf}/{@code nan} are understood. */
  public double doubleValue(String column) {
    String text = string(column);
    return switch (text) {
      case "inf", "+inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan", "-nan" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** The elements of an {@code Array(String)} (or numeric array) column. */
  public List<String> strings(String column) {
    return TabSeparated.parseArray(raw(column));
  }

  /** Column names in result order. */
  public List<String> columns() {
    String[] names = new String[rawValues.length];
    columnIndex.forEach((name, index) -> names[index] = name);
    return List.of(names);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Row{");
    List<String> names = columns();
    for (int i = 0; i < rawValues.length; i++) {
      text.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(rawValues[i]);
    }
    return text.append('}').toString();
  }
}
