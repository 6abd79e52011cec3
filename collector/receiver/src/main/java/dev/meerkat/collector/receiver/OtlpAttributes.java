package dev.meerkat.collector.receiver;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HexFormat;
import java.util.List;

/** Flattens OTLP attributes to parallel key/value string lists and reads typed values. */
final class OtlpAttributes {

  private static final HexFormat HEX = HexFormat.of();

  private OtlpAttributes() {}

  /** The attribute's value as text, or "" when absent. */
  static String string(List<KeyValue> attributes, String key) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).getKey().equals(key)) {
        return text(attributes.get(i).getValue());
      }
    }
    return "";
  }

  /** The first of {@code keys} present with a non-empty value, or "". */
  static String firstString(List<KeyValue> attributes, String... keys) {
    for (String key : keys) {
      String value = string(attributes, key);
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  /** The attribute as a number (int, double or numeric string), or {@code fallback}. */
  static double number(List<KeyValue> attributes, String key, double fallback) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).getKey().equals(key)) {
        AnyValue value = attributes.get(i).getValue();
        return switch (value.getValueCase()) {
          case INT_VALUE -> value.getIntValue();
          case DOUBLE_VALUE -> value.getDoubleValue();
          case STRING_VALUE -> parseOr(value.getStringValue(), fallback);
          default -> fallback;
        };
      }
    }
    return fallback;
  }

  private static double parseOr(String text, double fallback) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case BYTES_VALUE -> hex(value.getBytesValue());
      case ARRAY_VALUE -> {
        StringBuilder out = new StringBuilder("[");
        List<AnyValue> elements = value.getArrayValue().getValuesList();
        for (int i = 0; i < elements.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(text(elements.get(i)));
        }
        yield out.append(']').toString();
      }
      case KVLIST_VALUE -> {
        StringBuilder out = new StringBuilder("{");
        List<KeyValue> entries = value.getKvlistValue().getValuesList();
        for (int i = 0; i < entries.size(); i++) {
          out.append(i == 0 ? "" : ", ")
              .append(entries.get(i).getKey())
              .append('=')
              .append(text(entries.get(i).getValue()));
        }
        yield out.append('}').toString();
      }
      default -> "";
    };
  }

  static String hex(ByteString bytes) {
    return bytes.isEmpty() ? "" : HEX.formatHex(bytes.toByteArray());
  }
}
