package dev.meerkat.store.clickhouse;

import dev.meerkat.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses ClickHouse's {@code TabSeparatedWithNames} output and its escapes. */
final class TabSeparated {

  private TabSeparated() {}

  static List<Row> parse(String body) {
    if (body.isEmpty()) {
      return List.of();
    }
    String[] lines = body.split("\n", -1);
    String[] header = lines[0].split("\t", -1);
    Map<String, Integer> columnIndex = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      columnIndex.put(unescape(header[i]), i);
    }
    Map<String, Integer> shared = Map.copyOf(columnIndex);
    List<Row> rows = new ArrayList<>(lines.length);
    // Escaped output never holds a raw newline or tab inside a value, so splitting is exact.
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      String[] values = lines[i].split("\t", -1);
      if (values.length != header.length) {
        throw new StoreException(
            "malformed TabSeparated row "
                + i
                + ": "
                + values.length
                + " values for "
                + header.length
                + " columns",
            false);
      }
      rows.add(new Row(shared, values));
    }
    return List.copyOf(rows);
  }

  /** Undoes ClickHouse's escaping (used both in TabSeparated and inside quoted strings). */
  static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '0' -> out.append('\0');
        default -> out.append(next); // \\ \' \" and anything else stand for themselves
      }
    }
    return out.toString();
  }

  /**
   * Splits an array literal such as {@code ['a','b\'c']} or {@code [1,2.5]} into unescaped
   * elements. ClickHouse prints array text inside TabSeparated without escaping it again.
   */
  static List<String> parseArray(String literal) {
    if (literal.length() < 2 || literal.charAt(0) != '[') {
      throw new StoreException("not an array value: " + literal, false);
    }
    List<String> elements = new ArrayList<>();
    int i = 1;
    int end = literal.length() - 1;
    while (i < end) {
      if (literal.charAt(i) == '\'') {
        StringBuilder element = new StringBuilder();
        i++;
        while (literal.charAt(i) != '\'') {
          if (literal.charAt(i) == '\\') {
            element.append(literal, i, i + 2);
            i += 2;
          } else {
            element.append(literal.charAt(i++));
          }
        }
        elements.add(unescape(element.toString()));
        i++; // closing quote
      } else {
        int comma = literal.indexOf(',', i);
        int stop = comma < 0 ? end : comma;
        elements.add(literal.substring(i, stop));
        i = stop;
      }
      if (i < end && literal.charAt(i) == ',') {
        i++;
      }
    }
    return List.copyOf(elements);
  }
}
