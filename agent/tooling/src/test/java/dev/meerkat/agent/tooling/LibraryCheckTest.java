package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

class LibraryCheckTest {
  private final List<String> mismatches = new ArrayList<>();
  private final ElementMatcher<ClassLoader> matcher =
      LibraryCheck.requires("org.junit.jupiter.api.Test").matcher(mismatches::add);

  @Test
  void answersPerClassLoaderWhenLoadersAlternate() throws Exception {
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
