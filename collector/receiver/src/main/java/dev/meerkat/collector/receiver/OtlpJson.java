package dev.meerkat.collector.receiver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * OTLP/JSON, which is protobuf's JSON mapping with one difference: trace and span ids are hex
 * strings, not base64 (OTLP specification, "JSON Protobuf Encoding"). Ids are rewritten to base64
 * on a JSON tree, then protobuf's parser does the rest: lowerCamelCase (or original) field names,
 * enums as integers or names, 64-bit integers as strings or numbers, unknown fields ignored.
 */
final class OtlpJson {

  /** A JSON body that cannot be decoded, with what was wrong. */
  static final class InvalidJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidJsonException(String message) {
      super(message);
    }
  }

  // Every field with these names in the OTLP messages is an id: spans, links, log records,
  // exemplars. Attribute keys are values, not field names, so they are never rewritten.
  private static final Set<String> ID_FIELDS =
      Set.of("traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id");
  private static final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer printer =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private OtlpJson() {}

  static void merge(byte[] body, Message.Builder builder) throws InvalidJsonException {
    JsonElement tree;
    try {
      tree = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
    } catch (JsonParseException | IllegalStateException e) {
      throw new InvalidJsonException("not valid JSON: " + e.getMessage());
    }
    if (!tree.isJsonObject()) {
      throw new InvalidJsonException("expected a JSON object at the top level");
    }
    hexIdsToBase64(tree);
    try {
      parser.merge(tree.toString(), builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      // JsonFormat reports some type mismatches as unchecked exceptions.
      throw new InvalidJsonException(e.getMessage());
    }
  }

  static byte[] print(MessageOrBuilder message) {
    try {
      return printer.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields with unknown types fail to print; OTLP responses and Status have none.
      throw new IllegalStateException(e);
    }
  }

  // Recursion is bounded: gson refuses documents nested deeper than its nesting limit (255).
  private static void hexIdsToBase64(JsonElement element) throws InvalidJsonException {
    if (element.isJsonArray()) {
      for (JsonElement child : element.getAsJsonArray()) {
        hexIdsToBase64(child);
      }
    } else if (element.isJsonObject()) {
      JsonObject object = element.getAsJsonObject();
      for (Map.Entry<String, JsonElement> field : object.entrySet()) {
        JsonElement value = field.getValue();
        if (ID_FIELDS.contains(field.getKey())
            && value.isJsonPrimitive()
            && value.getAsJsonPrimitive().isString()) {
          field.setValue(new JsonPrimitive(base64(field.getKey(), value.getAsString())));
        } else {
          hexIdsToBase64(value);
        }
      }
    }
  }

  private static String base64(String field, String hex) throws InvalidJsonException {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new InvalidJsonException(
          field + " '" + abbreviate(hex) + "' is not a hex string (OTLP/JSON ids are hex)");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }
}
