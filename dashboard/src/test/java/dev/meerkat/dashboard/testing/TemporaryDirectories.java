package dev.meerkat.dashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh directories for a test dashboard's state, data and certificates (never the working one).
 */
public final class TemporaryDirectories {

  private TemporaryDirectories() {}

  /** A new directory under the system's temporary directory, named from {@code prefix}. */
  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
