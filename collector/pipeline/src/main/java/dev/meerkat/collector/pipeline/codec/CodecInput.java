package dev.meerkat.collector.pipeline.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link CodecOutput} wrote. Throws {@link IllegalStateException} past the end. */
public final class CodecInput {

  private final byte[] bytes;
  private final int end;
  private int position;

  public CodecInput(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  private void require(int count) {
    if (count < 0 || position + count > end) {
      throw new IllegalStateException("spool record ends early at byte " + position);
    }
  }

  public int readByte() {
    require(1);
    return bytes[position++] & 0xFF;
  }

  public long readVarLong() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalStateException("malformed varint at byte " + position);
  }

  public int readVarInt() {
    long value = readVarLong();
    if (value > Integer.MAX_VALUE) {
      throw new IllegalStateException("length " + value + " too large at byte " + position);
    }
    return (int) value;
  }

  public long readLong() {
    require(8);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[position++] & 0xFF);
    }
    return value;
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public String readString() {
    int length = readVarInt();
    require(length);
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  public List<String> readStrings() {
    int count = readVarInt();
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(readString());
    }
    return values;
  }

  public boolean atEnd() {
    return position == end;
  }

  /** Reads what {@link CodecOutput#writeInt} wrote. */
  public int readInt() {
    long value = readVarLong();
    if ((value >>> 32) != 0) {
      throw new IllegalStateException("int " + value + " too large at byte " + position);
    }
    return (int) value;
  }

  public List<Double> readDoubles() {
    int count = readVarInt();
    require(count);
    List<Double> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(readDouble());
    }
    return values;
  }

  public List<Long> readVarLongs() {
    int count = readVarInt();
    require(count);
    List<Long> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(readVarLong());
    }
    return values;
  }
}
