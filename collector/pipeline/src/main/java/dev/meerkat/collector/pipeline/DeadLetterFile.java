package dev.meerkat.collector.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that can never be stored (ClickHouse refused them for good), kept for an operator:
 * {@code <spool>/<signal>/dead-letter/dead-letters.bin}, one entry per request: sequence number
 * (long), failure message (UTF), payload length (int) and the codec's payload, fsynced.
 */
final class DeadLetterFile {

  private static final Logger logger = LoggerFactory.getLogger(DeadLetterFile.class);

  private final Path directory;

  DeadLetterFile(Path directory) {
    this.directory = directory;
  }

  synchronized void write(long seq, byte[] payload, int length, String failure) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve("dead-letters.bin");
      try (OutputStream stream =
              Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          DataOutputStream out = new DataOutputStream(stream)) {
        out.writeLong(seq);
        String message = failure == null ? "" : failure;
        out.writeUTF(message.length() > 10_000 ? message.substring(0, 10_000) : message);
        out.writeInt(length);
        out.write(payload, 0, length);
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.force(false);
      }
    } catch (IOException e) {
      logger.error("Cannot write dead letter {} to {}: {}", seq, directory, e.getMessage(), e);
    }
  }
}
