package dev.meerkat.collector.receiver;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.io.IOException;
import java.util.HexFormat;

/**
 * Reads one OTLP {@code KeyValue} (and its {@code AnyValue}) into an {@link AttributeBuffer}, with
 * the value as {@link OtlpAttributes#text} renders it. Scalar values are looked up by their encoded
 * bytes first, so a value that repeats in a request ("GET", a route, a port) is decoded once.
 * Arrays and key-value lists are rare in spans: they are parsed by protobuf-java's own parsers.
 *
 * <p>A field that appears twice behaves as protobuf-java merges it: a later scalar replaces the
 * value, a later array of an array value adds its elements.
 */
final class KeyValueDecoder {

  private static final int KEY = 1 << 3 | 2;
  private static final int VALUE = 2 << 3 | 2;
  private static final int STRING_VALUE = 1 << 3 | 2;
  private static final int BOOL_VALUE = 2 << 3;
  private static final int INT_VALUE = 3 << 3;
  private static final int DOUBLE_VALUE = 4 << 3 | 1;
  private static final int ARRAY_VALUE = 5 << 3 | 2;
  private static final int KVLIST_VALUE = 6 << 3 | 2;
  private static final int BYTES_VALUE = 7 << 3 | 2;
  private static final int STRING_INDEX = 8 << 3;
  private static final HexFormat HEX = HexFormat.of();

  private final DirectDecoding decoding;
  private final WireReader reader;

  // The value of the KeyValue being read, as protobuf-java would hold it after merging.
  private String text;
  private byte kind;
  private long bits;
  private AnyValue complex;

  KeyValueDecoder(DirectDecoding decoding) {
    this.decoding = decoding;
    this.reader = decoding.reader;
  }

  /** Reads the KeyValue whose length the reader is at and adds it to {@code into}. */
  void read(AttributeBuffer into) throws IOException {
    ByteSliceTable pairs = decoding.pairs;
    int length = reader.length();
    int offset = reader.position();
    int slot =
        reader.fits(length) ? pairs.find(reader.buffer(), offset, length) : Integer.MIN_VALUE;
    int outer = reader.enter(length);
    if (slot >= 0) {
      // The same key and value bytes were read earlier in this request: one lookup, not two.
      reader.skipBytes(length);
      reader.leave(outer);
      byte packed = pairs.kind(slot);
      into.add(
          pairs.label(slot),
          (byte) (packed >> 2),
          pairs.text(slot),
          (byte) (packed & 3),
          pairs.bits(slot));
      return;
    }
    String key = "";
    byte wellKnown = WellKnownKeys.NONE;
    text = "";
    kind = AttributeBuffer.OTHER;
    bits = 0;
    complex = null;
    boolean plain = true;
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      if (tag == KEY) {
        key = reader.string(decoding.strings);
        wellKnown = reader.lastStringKind();
      } else if (tag == VALUE) {
        plain &= value();
      } else {
        reader.skip(tag); // key_strindex (profiles only) and unknown fields
        plain = false;
      }
    }
    reader.leave(outer);
    if (complex != null) {
      text = OtlpAttributes.text(complex);
      kind = AttributeBuffer.OTHER;
      bits = 0;
    }
    if (plain) {
      pairs.put(
          reader.buffer(), offset, length, slot, text, (byte) (wellKnown << 2 | kind), bits, key);
    }
    into.add(key, wellKnown, text, kind, bits);
  }

  /** Reads an AnyValue into the current value; true when it was plain scalars (cacheable). */
  private boolean value() throws IOException {
    ByteSliceTable values = decoding.values;
    int length = reader.length();
    int offset = reader.position();
    int slot =
        reader.fits(length) ? values.find(reader.buffer(), offset, length) : Integer.MIN_VALUE;
    // Entered either way: the nesting and length checks fail as protobuf-java's would.
    int outer = reader.enter(length);
    if (slot >= 0) {
      // The same bytes were decoded earlier in this request: the same value.
      reader.skipBytes(length);
      reader.leave(outer);
      setScalar(values.text(slot), values.kind(slot), values.bits(slot));
      return true;
    }
    boolean plain = anyValue();
    reader.leave(outer);
    if (plain) {
      values.put(reader.buffer(), offset, length, slot, text, kind, bits, null);
    }
    return plain;
  }

  /**
   * Reads AnyValue fields into the current value. True when they were only scalars, at least one:
   * then the value is a function of these bytes alone and may be cached.
   */
  private boolean anyValue() throws IOException {
    boolean plain = true;
    boolean set = false;
    for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
      set = true;
      switch (tag) {
        case STRING_VALUE -> setScalar(reader.string(decoding.strings), AttributeBuffer.STRING, 0);
        case BOOL_VALUE -> setScalar(reader.bool() ? "true" : "false", AttributeBuffer.OTHER, 0);
        case INT_VALUE -> {
          long value = reader.int64();
          setScalar(Long.toString(value), AttributeBuffer.INT, value);
        }
        case DOUBLE_VALUE -> {
          double value = reader.doubleValue();
          setScalar(
              Double.toString(value), AttributeBuffer.DOUBLE, Double.doubleToRawLongBits(value));
        }
        case BYTES_VALUE -> {
          int length = reader.sliceLength();
          int offset = reader.position();
          reader.skipBytes(length);
          setScalar(
              length == 0 ? "" : HEX.formatHex(reader.buffer(), offset, offset + length),
              AttributeBuffer.OTHER,
              0);
        }
        case ARRAY_VALUE -> {
          ArrayValue array = reader.message(ArrayValue.parser());
          complex =
              complex != null && complex.hasArrayValue()
                  ? complex.toBuilder().mergeArrayValue(array).build()
                  : AnyValue.newBuilder().setArrayValue(array).build();
          plain = false;
        }
        case KVLIST_VALUE -> {
          KeyValueList list = reader.message(KeyValueList.parser());
          complex =
              complex != null && complex.hasKvlistValue()
                  ? complex.toBuilder().mergeKvlistValue(list).build()
                  : AnyValue.newBuilder().setKvlistValue(list).build();
          plain = false;
        }
        case STRING_INDEX -> {
          // Profiles only: sets the oneof, without a text.
          reader.enumValue();
          setScalar("", AttributeBuffer.OTHER, 0);
          plain = false;
        }
        default -> {
          reader.skip(tag);
          plain = false;
        }
      }
    }
    return plain && set;
  }

  private void setScalar(String value, byte valueKind, long valueBits) {
    text = value;
    kind = valueKind;
    bits = valueBits;
    complex = null;
  }
}
