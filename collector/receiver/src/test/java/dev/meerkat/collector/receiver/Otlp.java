package dev.meerkat.collector.receiver;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.HexFormat;

/** Small builders for hand-made OTLP messages in the mapper tests. */
final class Otlp {

  static final long START = 1_795_256_130_000_000_000L; // 2026-11-21T10:15:30Z
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String SPAN_ID = "b7ad6b7169203331";

  private Otlp() {}

  static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(string(value)).build();
  }

  static KeyValue attribute(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  static AnyValue string(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static Resource resource(String service) {
    return Resource.newBuilder()
        .addAttributes(attribute("service.name", service))
        .addAttributes(attribute("host.name", "vm-1"))
        .build();
  }

  static InstrumentationScope scope() {
    return InstrumentationScope.newBuilder().setName("io.meerkat.test").setVersion("1.2").build();
  }

  static IngestLimiter unlimited() {
    return IngestLimiter.create(IngestLimits.defaults());
  }
}
