package dev.meerkat.collector.receiver;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded random mutations of valid OTLP requests: bit flips, truncation, random bytes, huge length
 * prefixes, duplicated and deleted slices, deep nesting, and for JSON broken tokens and ids.
 */
final class OtlpMutator {

  private static final byte[] JSON_TOKENS =
      "{}[],:\"\\-+.0123456789eEtrufalsn xyzG".getBytes(StandardCharsets.US_ASCII);
  private static final String[] JSON_VALUES = {
    "1e999",
    "-1",
    "18446744073709551616",
    "\"\"",
    "null",
    "true",
    "[]",
    "{}",
    "\"zz\"",
    "0.5",
    "\"-9223372036854775809\"",
    "\"AAAA\""
  };

  // Well below the receivers' limit in the fuzz test: the decoders are under test, not the limit
  // (a body over it is reset by the HTTP/2 transport before an answer can be read).
  static final int MAX_LENGTH = 256 * 1024;

  private final Random random;

  OtlpMutator(Random random) {
    this.random = random;
  }

  byte[] mutate(byte[] valid, boolean json) {
    byte[] body = valid;
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      body = mutateOnce(body, json);
    }
    return body.length > MAX_LENGTH ? Arrays.copyOf(body, MAX_LENGTH) : body;
  }

  private byte[] mutateOnce(byte[] body, boolean json) {
    return switch (random.nextInt(json ? 10 : 8)) {
      case 0 -> flipBits(body);
      case 1 -> truncate(body);
      case 2 -> randomBytes();
      case 3 -> insert(body, hugeLengthPrefix());
      case 4 -> duplicateSlice(body);
      case 5 -> deleteSlice(body);
      case 6 -> json ? deepJson() : deepProtobuf();
      case 7 -> json ? body : insert(body, randomBytes());
      case 8 -> replaceWithToken(body);
      default -> replaceValue(body);
    };
  }

  private byte[] flipBits(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    byte[] copy = body.clone();
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }

  private byte[] truncate(byte[] body) {
    return Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length));
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[random.nextInt(512)];
    random.nextBytes(bytes);
    return bytes;
  }

  // A length-delimited field tag followed by a length far beyond the message.
  private byte[] hugeLengthPrefix() {
    int field = 1 + random.nextInt(20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((field << 3) | 2);
    long length = random.nextBoolean() ? 0xFFFF_FFFFL : (1L << (7 * (1 + random.nextInt(9)))) - 1;
    while ((length & ~0x7FL) != 0) {
      out.write((int) ((length & 0x7F) | 0x80));
      length >>>= 7;
    }
    out.write((int) length);
    return out.toByteArray();
  }

  private byte[] insert(byte[] body, byte[] inserted) {
    int at = body.length == 0 ? 0 : random.nextInt(body.length + 1);
    byte[] result = new byte[body.length + inserted.length];
    System.arraycopy(body, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(body, at, result, at + inserted.length, body.length - at);
    return result;
  }

  private byte[] duplicateSlice(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    int from = random.nextInt(body.length);
    int to = from + random.nextInt(body.length - from) + 1;
    return insert(body, Arrays.copyOfRange(body, from, to));
  }

  private byte[] deleteSlice(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    int from = random.nextInt(body.length);
    int to = from + random.nextInt(body.length - from) + 1;
    byte[] result = new byte[body.length - (to - from)];
    System.arraycopy(body, 0, result, 0, from);
    System.arraycopy(body, to, result, from, body.length - to);
    return result;
  }

  // Nested beyond gson's (255) and protobuf's (100) limits, or just below them.
  private byte[] deepJson() {
    int depth = random.nextBoolean() ? 1 + random.nextInt(400) : 1 + random.nextInt(5_000);
    String open =
        random.nextBoolean()
            ? "{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":"
            : random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.startsWith("{\"kv") ? "}]}}" : open.equals("[") ? "]" : "}";
    StringBuilder json =
        new StringBuilder(
            "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"deep\",\"value\":");
    json.append(open.repeat(depth)).append("{\"intValue\":\"1\"}").append(close.repeat(depth));
    json.append("}]},\"scopeSpans\":[]}]}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] deepProtobuf() {
    int depth = 1 + random.nextInt(150);
    AnyValue value = AnyValue.newBuilder().setIntValue(1).build();
    for (int i = 0; i < depth; i++) {
      value = AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(value)).build();
    }
    ExportTraceServiceRequest.Builder request = GoldenRequests.traces().toBuilder();
    request
        .getResourceSpansBuilder(0)
        .getResourceBuilder()
        .addAttributes(GoldenRequests.attribute("deep", value.toBuilder()));
    return request.build().toByteArray();
  }

  private byte[] replaceWithToken(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    byte[] copy = body.clone();
    int replacements = 1 + random.nextInt(4);
    for (int i = 0; i < replacements; i++) {
      copy[random.nextInt(copy.length)] = JSON_TOKENS[random.nextInt(JSON_TOKENS.length)];
    }
    return copy;
  }

  // Replaces the value after a random ':' with a hostile one (huge numbers, wrong types, bad ids).
  private byte[] replaceValue(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8);
    int colon = json.indexOf(':', json.isEmpty() ? 0 : random.nextInt(json.length()));
    if (colon < 0) {
      return body;
    }
    int end = colon + 1;
    while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0) {
      end++;
    }
    String value = JSON_VALUES[random.nextInt(JSON_VALUES.length)];
    return (json.substring(0, colon + 1) + value + json.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }
}
