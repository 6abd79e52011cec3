package dev.meerkat.collector.receiver;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.List;

/**
 * Renders a log body as text: a string as-is, anything else as JSON (bytes as base64, as OTLP/JSON
 * writes them; non-finite doubles as strings, which JSON cannot hold as numbers).
 */
final class OtlpAnyValueJson {

  private OtlpAnyValueJson() {}

  static String body(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case VALUE_NOT_SET -> "";
      default -> {
        StringBuilder out = new StringBuilder();
        append(out, value);
        yield out.toString();
      }
    };
  }

  private static void append(StringBuilder out, AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE -> quote(out, value.getStringValue());
      case BOOL_VALUE -> out.append(value.getBoolValue());
      case INT_VALUE -> out.append(value.getIntValue());
      case DOUBLE_VALUE -> {
        double number = value.getDoubleValue();
        if (Double.isFinite(number)) {
          out.append(number);
        } else {
          quote(out, Double.toString(number));
        }
      }
      case BYTES_VALUE ->
          quote(out, Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
      case ARRAY_VALUE -> {
        List<AnyValue> elements = value.getArrayValue().getValuesList();
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
          out.append(i == 0 ? "" : ",");
          append(out, elements.get(i));
        }
        out.append(']');
      }
      case KVLIST_VALUE -> {
        List<KeyValue> entries = value.getKvlistValue().getValuesList();
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
          out.append(i == 0 ? "" : ",");
          quote(out, entries.get(i).getKey());
          out.append(':');
          append(out, entries.get(i).getValue());
        }
        out.append('}');
      }
      default -> out.append("null");
    }
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
