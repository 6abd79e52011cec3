package dev.meerkat.collector.receiver;

import java.util.Arrays;
import java.util.List;

/**
 * The attributes of one OTLP attribute list as the direct decoder read them: key, value as text
 * (not yet shortened), value type and number. Reused from list to list by one decoder; answers the
 * same lookups as {@link OtlpAttributes} (first attribute with the key, over all attributes, not
 * only the kept ones) and builds the kept, shortened lists the store takes.
 */
final class AttributeBuffer {

  /** Value types the lookups need to tell apart (AnyValue's oneof, simplified). */
  static final byte OTHER = 0;

  static final byte STRING = 1;
  static final byte INT = 2;
  static final byte DOUBLE = 3;

  private String[] keys = new String[16];
  private String[] texts = new String[16];
  private byte[] kinds = new byte[16];
  private long[] bits = new long[16];
  private int size;

  /** Index of the first attribute with each {@link WellKnownKeys} key, -1 when absent. */
  private final int[] firstWellKnown = new int[WellKnownKeys.COUNT];

  AttributeBuffer() {
    Arrays.fill(firstWellKnown, -1);
  }

  void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(texts, 0, size, null);
    Arrays.fill(firstWellKnown, -1);
    size = 0;
  }

  int size() {
    return size;
  }

  void add(String key, byte wellKnown, String text, byte kind, long valueBits) {
    if (wellKnown != WellKnownKeys.NONE && firstWellKnown[wellKnown] < 0) {
      firstWellKnown[wellKnown] = size;
    }
    if (size == keys.length) {
      int grown = size * 2;
      keys = Arrays.copyOf(keys, grown);
      texts = Arrays.copyOf(texts, grown);
      kinds = Arrays.copyOf(kinds, grown);
      bits = Arrays.copyOf(bits, grown);
    }
    keys[size] = key;
    texts[size] = text;
    kinds[size] = kind;
    bits[size] = valueBits;
    size++;
  }

  /** The value of the first attribute with the {@link WellKnownKeys} key as text, or "". */
  String text(byte key) {
    int i = firstWellKnown[key];
    return i < 0 ? "" : texts[i];
  }

  /** The first of the two keys present with a non-empty value, or "". */
  String firstText(byte first, byte second) {
    String value = text(first);
    return value.isEmpty() ? text(second) : value;
  }

  /** The attribute as a number (int, double or numeric string), or {@code fallback}. */
  double number(byte key, double fallback) {
    int i = firstWellKnown[key];
    if (i < 0) {
      return fallback;
    }
    return switch (kinds[i]) {
      case INT -> bits[i];
      case DOUBLE -> Double.longBitsToDouble(bits[i]);
      case STRING -> parseOr(texts[i], fallback);
      default -> fallback;
    };
  }

  private static double parseOr(String text, double fallback) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * The first {@code limiter}'s maximum of attributes, values shortened, as the store's lists; what
   * was dropped or shortened is added to {@code counts} under {@code dropped}.
   */
  KeyValues kept(
      IngestLimiter limiter, KeyListCache keyLists, TruncationCounts counts, Truncation dropped) {
    if (size == 0) {
      return KeyValues.EMPTY;
    }
    int kept = Math.min(size, limiter.limits().maxAttributes());
    counts.add(dropped, size - kept);
    if (kept == 0) {
      return KeyValues.EMPTY;
    }
    String[] values = new String[kept];
    for (int i = 0; i < kept; i++) {
      String value = limiter.shortened(keys[i], texts[i]);
      if (value != texts[i]) {
        counts.add(Truncation.ATTRIBUTE_VALUES, 1);
      }
      values[i] = value;
    }
    List<String> keyList = keyLists.list(keys, kept);
    return new KeyValues(keyList, new FrozenStringList(values));
  }
}
