package dev.meerkat.collector.receiver;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies {@link IngestLimits} while the mappers flatten OTLP items, and counts every truncation by
 * {@link Truncation} kind. One per signal; safe for concurrent receivers.
 */
public final class IngestLimiter {

  /** Kept whole: a stack trace cut short loses its "Caused by" root cause at the end. */
  static final String STACKTRACE_KEY = "exception.stacktrace";

  private final IngestLimits limits;
  private final LongAdder[] truncated = new LongAdder[Truncation.values().length];

  private IngestLimiter(IngestLimits limits) {
    this.limits = limits;
    for (int i = 0; i < truncated.length; i++) {
      truncated[i] = new LongAdder();
    }
  }

  public static IngestLimiter create(IngestLimits limits) {
    return new IngestLimiter(limits);
  }

  public IngestLimits limits() {
    return limits;
  }

  /** How many of {@code what} were dropped (or, for values, shortened) so far. */
  public long truncated(Truncation what) {
    return truncated[what.ordinal()].sum();
  }

  /** The first {@code maxAttributes} attributes as text, values shortened; the rest counted. */
  KeyValues attributes(List<KeyValue> attributes, Truncation dropped) {
    int size = attributes.size();
    if (size == 0) {
      return KeyValues.EMPTY;
    }
    int kept = Math.min(size, limits.maxAttributes());
    count(dropped, size - kept);
    List<String> keys = new ArrayList<>(kept);
    List<String> values = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      KeyValue attribute = attributes.get(i);
      String key = attribute.getKey();
      String value = OtlpAttributes.text(attribute.getValue());
      keys.add(key);
      String stored = shortened(key, value);
      count(Truncation.ATTRIBUTE_VALUES, stored == value ? 0 : 1);
      values.add(stored);
    }
    return new KeyValues(keys, values);
  }

  /** How many of {@code size} events or links to keep; counts the rest as {@code dropped}. */
  int keep(int size, int max, Truncation dropped) {
    int kept = Math.min(size, max);
    count(dropped, size - kept);
    return kept;
  }

  /**
   * The value as stored: shortened to the length limit unless it is a stack trace; the same
   * instance when it is kept whole (the caller counts the shortened ones).
   */
  String shortened(String key, String value) {
    int max = limits.maxAttributeValueLength();
    if (value.length() <= max || STACKTRACE_KEY.equals(key)) {
      return value;
    }
    // Never split a surrogate pair: cut before its high half.
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }

  void count(Truncation what, int items) {
    if (items > 0) {
      truncated[what.ordinal()].add(items);
    }
  }
}
