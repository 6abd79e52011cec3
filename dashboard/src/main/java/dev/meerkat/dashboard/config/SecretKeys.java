package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.alerting.store.SecretCipher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key that encrypts channel secrets: {@code meerkat.secrets.key}, else the file {@code
 * meerkat.secrets.key-file}, else {@code <dataDir>/secrets.key}, which is generated on first start
 * with owner-only permissions. A generated key is safe for one dashboard with its embedded state;
 * dashboards sharing a PostgreSQL state store must all be given the same key. The key itself is
 * never logged, only where it is and its id.
 */
final class SecretKeys {

  private static final Logger logger = LoggerFactory.getLogger(SecretKeys.class);
  static final String KEY = "meerkat.secrets.key";
  static final String KEY_FILE = "meerkat.secrets.key-file";
  static final String PREVIOUS = "meerkat.secrets.previous-keys";

  private SecretKeys() {}

  static SecretCipher cipher(MeerkatProperties.Secrets secrets, Path dataDir) {
    List<byte[]> previous = new ArrayList<>();
    for (String old : secrets.previousKeys()) {
      previous.add(decode(old, PREVIOUS));
    }
    if (!secrets.key().isBlank()) {
      return new SecretCipher(decode(secrets.key(), KEY), previous, KEY);
    }
    if (!secrets.keyFile().isBlank()) {
      Path file = Path.of(secrets.keyFile());
      String setting = "the key file " + file + " (" + KEY_FILE + ")";
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            setting + " does not exist; create it with `openssl rand -base64 32 > " + file + "`");
      }
      return new SecretCipher(decode(read(file), setting), previous, setting);
    }
    Path file = dataDir.resolve("secrets.key").toAbsolutePath().normalize();
    String setting = "the generated key file " + file + " (set " + KEY + " to use another)";
    if (!Files.exists(file)) {
      generate(file);
      SecretCipher cipher = new SecretCipher(decode(read(file), setting), previous, setting);
      logger.info(
          "Generated the key that encrypts channel secrets (key {}) in {}: back it up with the"
              + " state store, or set {} instead",
          cipher.currentKeyId(),
          file,
          KEY);
      return cipher;
    }
    return new SecretCipher(decode(read(file), setting), previous, setting);
  }

  private static byte[] decode(String base64, String setting) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          setting + " is not base64; create a key with `openssl rand -base64 32`");
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          setting
              + " must be 32 bytes in base64, got "
              + key.length
              + " bytes; create a key with `openssl rand -base64 32`");
    }
    return key;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the secrets key file " + file + ": " + e, e);
    }
  }

  /**
   * Writes 32 random bytes as base64, readable by the owner only (where POSIX permissions exist).
   */
  private static void generate(Path file) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      Files.createDirectories(file.getParent());
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    } catch (FileAlreadyExistsException raced) {
      // Another dashboard on the same data dir generated it first: use theirs.
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create the secrets key file " + file + " (set " + KEY + " instead): " + e, e);
    }
  }
}
