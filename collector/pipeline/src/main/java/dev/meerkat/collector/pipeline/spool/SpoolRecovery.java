package dev.meerkat.collector.pipeline.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the segments a previous run left behind: validates every record (length and CRC32C) and
 * truncates a segment at its first bad record, which after a crash is the torn tail of the last
 * one. Each truncation is logged once and counted.
 */
final class SpoolRecovery {

  private static final Logger logger = LoggerFactory.getLogger(SpoolRecovery.class);

  /** What was found: the valid segments in order, their unsent items, and truncations made. */
  record Result(List<SpoolSegment> segments, long pendingItems, int truncated) {}

  private SpoolRecovery() {}

  static Result recover(Path directory, long committed) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(SpoolFormat.SEGMENT_SUFFIX))
              .sorted()
              .toList();
    }
    List<SpoolSegment> segments = new ArrayList<>();
    long pendingItems = 0;
    int truncated = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      long firstSeq = Long.parseLong(name.substring(0, name.length() - 4));
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        ByteBuffer header = ByteBuffer.allocate(SpoolFormat.SEGMENT_HEADER_BYTES);
        readFully(channel, header, 0);
        if (header.hasRemaining()
            || header.getInt(0) != SpoolFormat.MAGIC
            || header.get(4) != SpoolFormat.VERSION
            || header.getLong(8) != firstSeq) {
          logger.error("Spool segment {} has no valid header; deleting it", file);
          truncated++;
          channel.close();
          Files.delete(file);
          continue;
        }
        long size = channel.size();
        long position = SpoolFormat.SEGMENT_HEADER_BYTES;
        long records = 0;
        ByteBuffer recordHeader = ByteBuffer.allocate(SpoolFormat.RECORD_HEADER_BYTES);
        while (position < size) {
          recordHeader.clear();
          readFully(channel, recordHeader, position);
          int length = recordHeader.getInt(0);
          if (recordHeader.hasRemaining()
              || length < 0
              || position + SpoolFormat.RECORD_HEADER_BYTES + length > size) {
            break;
          }
          ByteBuffer payload = ByteBuffer.allocate(length);
          readFully(channel, payload, position + SpoolFormat.RECORD_HEADER_BYTES);
          long millis = recordHeader.getLong(8);
          int items = recordHeader.getInt(16);
          if (SpoolFormat.checksum(millis, items, payload.array(), 0, length)
              != recordHeader.getInt(4)) {
            break;
          }
          if (firstSeq + records >= committed) {
            pendingItems += items;
          }
          records++;
          position += SpoolFormat.RECORD_HEADER_BYTES + length;
        }
        if (position < size) {
          logger.warn(
              "Spool segment {}: torn or corrupt record at byte {} of {} (after {} valid records);"
                  + " truncated there",
              file,
              position,
              size,
              records);
          truncated++;
          channel.truncate(position);
          channel.force(true);
        }
        segments.add(new SpoolSegment(firstSeq, file, position, records));
      }
    }
    return new Result(segments, pendingItems, truncated);
  }

  static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        return;
      }
    }
  }
}
