package dev.meerkat.dashboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code golden/service-colours.txt}: service name to colour, for the Java and the TS side. */
public final class ServiceColourGolden {

  private static final String SEPARATOR = " -> ";

  private ServiceColourGolden() {}

  /** Name to colour, in file order. */
  public static Map<String, String> read() {
    try (InputStream in =
        ServiceColourGolden.class.getResourceAsStream("/golden/service-colours.txt")) {
      Map<String, String> colours = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          int at = line.indexOf(SEPARATOR);
          colours.put(line.substring(0, at), line.substring(at + SEPARATOR.length()).strip());
        }
      }
      return colours;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
