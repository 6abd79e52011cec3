package dev.meerkat.collector.receiver;

/** What {@link IngestLimiter} dropped or shortened; {@link #label()} is the metric label. */
public enum Truncation {
  /** Attributes dropped from a span, metric point or log record. */
  ATTRIBUTES("attributes"),
  /** Attributes dropped from a resource (counted once per resource, not per item). */
  RESOURCE_ATTRIBUTES("resource_attributes"),
  /** Attributes dropped from a span event. */
  EVENT_ATTRIBUTES("event_attributes"),
  /** Attributes dropped from a span link. */
  LINK_ATTRIBUTES("link_attributes"),
  /** Events dropped from a span. */
  EVENTS("events"),
  /** Links dropped from a span. */
  LINKS("links"),
  /** Attribute values shortened to the length limit. */
  ATTRIBUTE_VALUES("attribute_values");

  private final String label;

  Truncation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
