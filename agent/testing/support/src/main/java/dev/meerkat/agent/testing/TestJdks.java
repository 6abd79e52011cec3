package dev.meerkat.agent.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDKs every agent IT runs on: {@code MEERKAT_TEST_JDKS} (homes separated by the path
 * separator) or this machine's 17 and 25, plus a JDK 21 when one is installed under /usr/lib/jvm. A
 * missing required JDK fails the test; it is never skipped.
 */
public final class TestJdks {
  public static final List<String> DEFAULT =
      List.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64");

  private TestJdks() {}

  /** Adds the first JDK 21 found under /usr/lib/jvm (none is installed on the build machines). */
  private static List<String> withOptional21(List<String> required) {
    List<String> names = new ArrayList<>(required);
    File[] installed = new File("/usr/lib/jvm").listFiles();
    if (installed != null) {
      for (File home : installed) {
        if (home.getName().matches("(java-21|temurin-21|jdk-21|openjdk-21).*")
            && Files.isExecutable(home.toPath().resolve("bin/java"))) {
          names.add(home.getPath());
          break;
        }
      }
    }
    return names;
  }

  public static List<Path> homes() {
    String configured = System.getenv("MEERKAT_TEST_JDKS");
    List<String> names =
        configured == null || configured.isBlank()
            ? withOptional21(DEFAULT)
            : List.of(configured.split(File.pathSeparator));
    List<Path> homes = new ArrayList<>();
    for (String name : names) {
      Path home = Path.of(name.trim());
      if (!Files.isExecutable(home.resolve("bin/java"))) {
        throw new IllegalStateException(
            "JDK "
                + home
                + " is missing (no bin/java). Install it, or set MEERKAT_TEST_JDKS to the JDK"
                + " homes to test with, separated by '"
                + File.pathSeparator
                + "'.");
      }
      homes.add(home);
    }
    return homes;
  }
}
