package dev.meerkat.collector.pipeline.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random identity for one spool directory, so tokens from different collectors (or a spool
 * directory deleted and started afresh) never collide in the shared ClickHouse tables.
 */
final class SpoolId {

  private SpoolId() {}

  /** The identity stored in {@code file}, or a new one when there is none or {@code renew}. */
  static String readOrCreate(Path file, boolean renew) throws IOException {
    if (!renew && Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (id.matches("[0-9a-f]{16}")) {
        return id;
      }
    }
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, id, StandardCharsets.US_ASCII);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    return id;
  }
}
