package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCheckTest {
  @TempDir Path library;

  /** A loader that sees a "library" class file the test's own loader does not. */
  private URLClassLoader loaderWithLibrary() throws IOException {
    Path marker = library.resolve("org/example/lib/v2/Marker.class");
    Files.createDirectories(marker.getParent());
    Files.write(marker, new byte[] {(byte) 0xCA, (byte) 0xFE});
    return new URLClassLoader(new URL[] {library.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void passesWhenEveryRequiredClassIsVisibleAndNoRejectedOneIs() throws IOException {
    LibraryCheck check =
        LibraryCheck.requires("org.example.lib.v2.Marker").rejects("org.example.lib.v3.Marker");

    try (URLClassLoader loader = loaderWithLibrary()) {
      assertThat(check.mismatch(loader)).isNull();
    }
    assertThat(check.mismatch(getClass().getClassLoader()))
        .isEqualTo("missing org.example.lib.v2.Marker");
  }

  @Test
  void failsWhenARejectedClassIsVisible() throws IOException {
    LibraryCheck check =
        LibraryCheck.requires("java.lang.String").rejects("org.example.lib.v2.Marker");

    try (URLClassLoader loader = loaderWithLibrary()) {
      assertThat(check.mismatch(loader)).isEqualTo("found org.example.lib.v2.Marker");
    }
    assertThat(check.mismatch(null)).isNull(); // the bootstrap loader sees java.lang.String
  }

  @Test
  void matcherCachesPerLoaderAndReportsEachMismatchOnce() throws IOException {
    List<String> reported = new ArrayList<>();
    ElementMatcher<ClassLoader> matcher =
        LibraryCheck.requires("org.example.lib.v2.Marker").matcher(reported::add);

    try (URLClassLoader loader = loaderWithLibrary()) {
      assertThat(matcher.matches(loader)).isTrue();
      assertThat(matcher.matches(getClass().getClassLoader())).isFalse();
      assertThat(matcher.matches(getClass().getClassLoader())).isFalse();
      assertThat(matcher.matches(loader)).isTrue();
    }
    assertThat(reported).containsExactly("missing org.example.lib.v2.Marker");
  }

  @Test
  void noneMatchesEveryLoaderWithoutLooking() {
    List<String> reported = new ArrayList<>();
    ElementMatcher<ClassLoader> matcher = LibraryCheck.none().matcher(reported::add);

    assertThat(matcher.matches(null)).isTrue();
    assertThat(matcher.matches(getClass().getClassLoader())).isTrue();
    assertThat(reported).isEmpty();
  }

  @Test
  void answersPerClassLoaderWhenLoadersAlternate() throws Exception {
    List<String> mismatches = new ArrayList<>();
    ElementMatcher<ClassLoader> matcher =
        LibraryCheck.requires("org.junit.jupiter.api.Test").matcher(mismatches::add);
    ClassLoader withLibrary = LibraryCheckTest.class.getClassLoader();
    try (URLClassLoader without = new URLClassLoader(new URL[0], null)) {
      for (int i = 0; i < 3; i++) {
        assertThat(matcher.matches(withLibrary)).isTrue();
        assertThat(matcher.matches(without)).isFalse();
        assertThat(matcher.matches(null)).isFalse();
      }
    }
    // Looked at once per loader (the bootstrap loader included), then remembered.
    assertThat(mismatches)
        .containsExactly(
            "missing org.junit.jupiter.api.Test", "missing org.junit.jupiter.api.Test");
  }
}
