package dev.meerkat.agent.instrumentation.opentelemetryapi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;

/**
 * The application's attributes, sent as type name ({@code AttributeType}), key and value (JDK
 * types: String, Long, Double, Boolean, or a List of them), made agent attributes again. Types this
 * SDK does not know (newer API versions) are dropped.
 */
final class AttributeCodec {
  private AttributeCodec() {}

  static Attributes decode(Object[] encoded) {
    if (encoded == null || encoded.length == 0) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (int i = 0; i + 2 < encoded.length; i += 3) {
      AttributeKey<Object> key = key((String) encoded[i], (String) encoded[i + 1]);
      if (key != null && encoded[i + 2] != null) {
        builder.put(key, encoded[i + 2]);
      }
    }
    return builder.build();
  }

  static void set(Object builderOrSpan, String type, String name, Object value) {
    AttributeKey<Object> key = key(type, name);
    if (key == null) {
      return;
    }
    if (builderOrSpan instanceof SpanBuilder) {
      ((SpanBuilder) builderOrSpan).setAttribute(key, value);
    } else {
      ((Span) builderOrSpan).setAttribute(key, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static AttributeKey<Object> key(String type, String name) {
    AttributeKey<?> key;
    switch (type) {
      case "STRING":
        key = AttributeKey.stringKey(name);
        break;
      case "BOOLEAN":
        key = AttributeKey.booleanKey(name);
        break;
      case "LONG":
        key = AttributeKey.longKey(name);
        break;
      case "DOUBLE":
        key = AttributeKey.doubleKey(name);
        break;
      case "STRING_ARRAY":
        key = AttributeKey.stringArrayKey(name);
        break;
      case "BOOLEAN_ARRAY":
        key = AttributeKey.booleanArrayKey(name);
        break;
      case "LONG_ARRAY":
        key = AttributeKey.longArrayKey(name);
        break;
      case "DOUBLE_ARRAY":
        key = AttributeKey.doubleArrayKey(name);
        break;
      default:
        return null;
    }
    return (AttributeKey<Object>) key;
  }
}
