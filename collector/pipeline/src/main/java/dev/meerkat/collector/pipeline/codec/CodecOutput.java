package dev.meerkat.collector.pipeline.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A growable big-endian byte buffer for codecs; reusable through {@link #reset()}. */
public final class CodecOutput {

  private byte[] bytes;
  private int size;

  public CodecOutput(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public void reset() {
    size = 0;
  }

  /** The backing array; valid up to {@link #size()}. */
  public byte[] array() {
    return bytes;
  }

  public int size() {
    return size;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  public void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  public void writeVarLong(long value) {
    ensure(10);
    long v = value;
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  public void writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
  }

  public void writeDouble(double value) {
    writeLong(Double.doubleToRawLongBits(value));
  }

  /** A string as its UTF-8 length (varint) and bytes; ASCII is copied without an extra array. */
  public void writeString(String value) {
    int length = value.length();
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = value.charAt(i) < 0x80;
    }
    if (ascii) {
      writeVarLong(length);
      ensure(length);
      for (int i = 0; i < length; i++) {
        bytes[size++] = (byte) value.charAt(i);
      }
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeVarLong(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
  }

  public void writeStrings(List<String> values) {
    writeVarLong(values.size());
    for (int i = 0; i < values.size(); i++) {
      writeString(values.get(i));
    }
  }

  /** Any int, negative ones too, as the varint of its 32 unsigned bits (at most 5 bytes). */
  public void writeInt(int value) {
    writeVarLong(Integer.toUnsignedLong(value));
  }

  public void writeDoubles(List<Double> values) {
    writeVarLong(values.size());
    for (int i = 0; i < values.size(); i++) {
      writeDouble(values.get(i));
    }
  }

  /** Longs as varints: meant for counts, which are never negative. */
  public void writeVarLongs(List<Long> values) {
    writeVarLong(values.size());
    for (int i = 0; i < values.size(); i++) {
      writeVarLong(values.get(i));
    }
  }
}
