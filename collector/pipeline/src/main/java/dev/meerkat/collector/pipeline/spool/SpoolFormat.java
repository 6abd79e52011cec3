package dev.meerkat.collector.pipeline.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of spool segments. A segment file {@code <first sequence, 20 digits>.seg}
 * starts with a 16-byte header (magic {@code MKSP}, format version, 3 zero bytes, the sequence
 * number of its first record) followed by records: payload length (int), CRC32C (int) of the rest
 * of the header and the payload, append time in epoch milliseconds (long), item count (int), then
 * the payload (the codec's bytes). All numbers are big-endian. A record's sequence number is its
 * segment's first sequence plus its index in the segment.
 */
final class SpoolFormat {

  static final int MAGIC = 0x4d4b5350; // "MKSP"
  static final byte VERSION = 1;
  static final int SEGMENT_HEADER_BYTES = 16;
  static final int RECORD_HEADER_BYTES = 20;
  static final String SEGMENT_SUFFIX = ".seg";

  private SpoolFormat() {}

  static String segmentName(long firstSeq) {
    return String.format("%020d%s", firstSeq, SEGMENT_SUFFIX);
  }

  static ByteBuffer segmentHeader(long firstSeq) {
    ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
    header.putInt(MAGIC).put(VERSION).put((byte) 0).put((byte) 0).put((byte) 0).putLong(firstSeq);
    return header.flip();
  }

  /** CRC32C over the append time, the item count and the payload. */
  static int checksum(long appendedMillis, int items, byte[] payload, int offset, int length) {
    CRC32C crc = new CRC32C();
    ByteBuffer fields = ByteBuffer.allocate(12).putLong(appendedMillis).putInt(items).flip();
    crc.update(fields);
    crc.update(payload, offset, length);
    return (int) crc.getValue();
  }
}
