package dev.meerkat.dashboard.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Trace ids as people paste them: 32 hex digits, any case, surrounding blanks ignored. */
public final class TraceIds {

  public static final String FORMAT = "a trace id is 32 hexadecimal characters";
  private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{32}");

  private TraceIds() {}

  /** The stored (lower-case) form of {@code text}, or empty when it is not a trace id. */
  public static Optional<String> parse(String text) {
    String id = text.strip().toLowerCase(Locale.ROOT);
    return HEX_32.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }
}
