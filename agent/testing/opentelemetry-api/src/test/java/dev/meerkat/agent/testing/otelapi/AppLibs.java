package dev.meerkat.agent.testing.otelapi;

import dev.meerkat.agent.testing.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Class paths of the test apps: their classes plus jar sets the build copied to app-libs/. */
final class AppLibs {
  static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");
  private static final Path LIBS = Path.of(System.getProperty("meerkat.app.libs"));

  private AppLibs() {}

  /** The test classes and every jar of the named sets ("latest", "min", "sdk", "own"). */
  static String classPath(String... sets) throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(TEST_CLASSES);
    for (String set : sets) {
      try (Stream<Path> jars = Files.list(LIBS.resolve(set))) {
        entries.addAll(jars.map(Path::toString).sorted().collect(Collectors.toList()));
      }
    }
    return ChildJvm.classPath(entries.toArray(new String[0]));
  }

  /** The jar of the given set whose file name starts with {@code prefix}. */
  static String jar(String set, String prefix) throws IOException {
    try (Stream<Path> jars = Files.list(LIBS.resolve(set))) {
      return jars.filter(p -> p.getFileName().toString().startsWith(prefix))
          .map(Path::toString)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(prefix + " not in " + set));
    }
  }

  static String separator() {
    return File.pathSeparator;
  }
}
