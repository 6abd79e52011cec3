package dev.meerkat.dashboard.slo.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Hand-written YAML files under {@code src/test/resources/slo}. */
final class SloResources {

  private SloResources() {}

  static String read(String name) {
    try (InputStream in = SloResources.class.getResourceAsStream("/slo/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource slo/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
