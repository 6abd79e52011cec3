package dev.meerkat.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBinaryOutputTest {

  @Test
  void writesStringsAsLengthPrefixedUtf8() throws IOException {
    List<String> values =
        List.of("", "GET /api/items", "café", "ab日本", "x😀y", "a".repeat(200), "é".repeat(70));

    assertThat(encode(out -> out.writeStringArray(values))).containsExactly(reference(values, 0));
  }

  @Test
  void writesStringsLongerThanTheBuffer() throws IOException {
    List<String> values = List.of("b".repeat(5_000), "c".repeat(70_000), "ü".repeat(40_000));

    assertThat(encode(out -> out.writeStringArray(values))).containsExactly(reference(values, 0));
  }

  @Test
  void writesStringsThatStartNearTheEndOfTheBuffer() throws IOException {
    // 65,530 bytes leave 6 in the 64 KiB buffer: each string below needs a flush first.
    byte[] filler = new byte[65_530];
    List<String> values = List.of("abcdefgh€", "ascii only", "ß");

    byte[] written =
        encode(
            out -> {
              for (byte b : filler) {
                out.writeUInt8(b);
              }
              out.writeStringArray(values);
            });

    assertThat(written).containsExactly(reference(values, filler.length));
  }

  private interface Writes {
    void to(RowBinaryOutput out) throws IOException;
  }

  private static byte[] encode(Writes writes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RowBinaryOutput out = new RowBinaryOutput(bytes);
    writes.to(out);
    out.flush();
    return bytes.toByteArray();
  }

  /** LEB128 count, then each string's LEB128 UTF-8 length and bytes, after {@code zeros} zeros. */
  private static byte[] reference(List<String> values, int zeros) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[zeros], 0, zeros);
    leb128(out, values.size());
    for (String value : values) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      leb128(out, utf8.length);
      out.write(utf8, 0, utf8.length);
    }
    return out.toByteArray();
  }

  private static void leb128(ByteArrayOutputStream out, long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
