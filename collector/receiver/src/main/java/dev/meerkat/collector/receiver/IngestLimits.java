package dev.meerkat.collector.receiver;

/**
 * How much of one item the collector stores; the excess is dropped and counted, never refused.
 *
 * @param maxAttributes most attributes kept per attribute list: a span's, a resource's, an event's,
 *     a link's, a metric point's or a log record's
 * @param maxEventsPerSpan most events kept per span (the first ones)
 * @param maxLinksPerSpan most links kept per span (the first ones)
 * @param maxAttributeValueLength most characters kept per attribute value, except the {@code
 *     exception.stacktrace} attribute; log bodies are not shortened either (both are bounded by the
 *     request body limit)
 */
public record IngestLimits(
    int maxAttributes, int maxEventsPerSpan, int maxLinksPerSpan, int maxAttributeValueLength) {

  public IngestLimits {
    if (maxAttributes < 0
        || maxEventsPerSpan < 0
        || maxLinksPerSpan < 0
        || maxAttributeValueLength < 1) {
      // Not "this": the fields are not assigned yet in a compact constructor.
      throw new IllegalArgumentException(
          "ingest limits must not be negative and the value length must be at least 1: attributes "
              + maxAttributes
              + ", events "
              + maxEventsPerSpan
              + ", links "
              + maxLinksPerSpan
              + ", value length "
              + maxAttributeValueLength);
    }
  }

  /** 128 attributes, events and links, values of 4,096 characters. */
  public static IngestLimits defaults() {
    return new IngestLimits(128, 128, 128, 4096);
  }
}
