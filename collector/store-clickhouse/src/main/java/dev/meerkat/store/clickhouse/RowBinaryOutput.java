package dev.meerkat.store.clickhouse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes values in ClickHouse's RowBinary encoding: little-endian fixed-width numbers, strings as
 * LEB128 length + UTF-8 bytes, arrays as LEB128 count + elements, DateTime as UInt32 seconds, Enum8
 * as its Int8 value. Buffered; the caller writes columns in table-column order.
 */
public final class RowBinaryOutput {

  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;

  RowBinaryOutput(OutputStream out) {
    this.out = out;
  }

  public void writeUInt8(int value) throws IOException {
    ensure(1);
    buffer[position++] = (byte) value;
  }

  /** Enum8 columns travel as their Int8 value. */
  public void writeEnum8(int value) throws IOException {
    writeUInt8(value);
  }

  public void writeUInt16(int value) throws IOException {
    ensure(2);
    buffer[position++] = (byte) value;
    buffer[position++] = (byte) (value >>> 8);
  }

  public void writeUInt32(long value) throws IOException {
    ensure(4);
    for (int shift = 0; shift < 32; shift += 8) {
      buffer[position++] = (byte) (value >>> shift);
    }
  }

  public void writeUInt64(long value) throws IOException {
    ensure(8);
    for (int shift = 0; shift < 64; shift += 8) {
      buffer[position++] = (byte) (value >>> shift);
    }
  }

  public void writeFloat64(double value) throws IOException {
    writeUInt64(Double.doubleToRawLongBits(value));
  }

  /** DateTime: seconds since the epoch as UInt32. */
  public void writeDateTime(long epochSeconds) throws IOException {
    writeUInt32(epochSeconds);
  }

  public void writeString(String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeVarUInt(bytes.length);
    if (bytes.length > buffer.length - position) {
      flushBuffer();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  public void writeStringArray(List<String> values) throws IOException {
    writeVarUInt(values.size());
    for (int i = 0; i < values.size(); i++) {
      writeString(values.get(i));
    }
  }

  public void writeFloat64Array(double[] values) throws IOException {
    writeVarUInt(values.length);
    for (double value : values) {
      writeFloat64(value);
    }
  }

  public void writeUInt64Array(long[] values) throws IOException {
    writeVarUInt(values.length);
    for (long value : values) {
      writeUInt64(value);
    }
  }

  /** Array lengths and string sizes: unsigned LEB128. */
  public void writeVarUInt(long value) throws IOException {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    buffer[position++] = (byte) rest;
  }

  void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  private void ensure(int bytes) throws IOException {
    if (buffer.length - position < bytes) {
      flushBuffer();
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buffer, 0, position);
    position = 0;
  }
}
