package dev.meerkat.collector.pipeline.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * The persisted commit cursor: the sequence number of the first record not yet stored. Twelve bytes
 * (the number and its CRC32C) rewritten in place and fsynced after each advance. A torn or missing
 * cursor reads as absent, and the spool then replays from its oldest segment: safe, because stored
 * parts are recognised by their tokens and not inserted twice.
 */
final class SpoolCursor implements AutoCloseable {

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(12);

  private SpoolCursor(FileChannel channel) {
    this.channel = channel;
  }

  static SpoolCursor open(Path file) throws IOException {
    return new SpoolCursor(
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  OptionalLong read() throws IOException {
    ByteBuffer in = ByteBuffer.allocate(12);
    while (in.hasRemaining() && channel.read(in, in.position()) > 0) {
      // keep reading
    }
    if (in.position() < 12) {
      return OptionalLong.empty();
    }
    long seq = in.getLong(0);
    return crc(seq) == in.getInt(8) ? OptionalLong.of(seq) : OptionalLong.empty();
  }

  void write(long seq) throws IOException {
    buffer.clear();
    buffer.putLong(seq).putInt(crc(seq)).flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer, buffer.position());
    }
    channel.force(false);
  }

  private static int crc(long seq) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(8).putLong(0, seq));
    return (int) crc.getValue();
  }

  static boolean exists(Path file) {
    return Files.exists(file);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
