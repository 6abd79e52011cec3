package dev.meerkat.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Minimal pretty-printing JSON writer for notification payloads: maps (in iteration order), lists,
 * strings, numbers, booleans and null. Doubles are rounded to 6 decimals; NaN and infinities are
 * written as null, since JSON has no representation for them.
 */
final class JsonWriter {

  private JsonWriter() {}

  static String write(Map<String, ?> object) {
    StringBuilder out = new StringBuilder();
    writeValue(out, object, 0);
    return out.append('\n').toString();
  }

  private static void writeValue(StringBuilder out, Object value, int depth) {
    switch (value) {
      case null -> out.append("null");
      case String s -> writeString(out, s);
      case Boolean b -> out.append(b);
      case Double d -> writeDouble(out, d);
      case Float f -> writeDouble(out, f.doubleValue());
      case Number n -> out.append(n.longValue());
      case Map<?, ?> m -> writeObject(out, m, depth);
      case List<?> l -> writeArray(out, l, depth);
      default -> throw new IllegalArgumentException("unsupported JSON value: " + value.getClass());
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      indent(out, depth + 1);
      writeString(out, String.valueOf(entry.getKey()));
      out.append(": ");
      writeValue(out, entry.getValue(), depth + 1);
      out.append(entries.hasNext() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append('}');
  }

  private static void writeArray(StringBuilder out, List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      indent(out, depth + 1);
      writeValue(out, list.get(i), depth + 1);
      out.append(i < list.size() - 1 ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append(']');
  }

  private static void writeDouble(StringBuilder out, double value) {
    out.append(number(value));
  }

  /** A double as JSON: rounded to 6 decimals, no exponent, {@code null} for NaN and infinities. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN);
    String text = rounded.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }

  static void writeString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Control characters, and U+2028/U+2029 which break JavaScript consumers.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void indent(StringBuilder out, int depth) {
    out.append("  ".repeat(depth));
  }
}
