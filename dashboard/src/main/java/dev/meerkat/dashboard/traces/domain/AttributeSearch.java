package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.query.SpanDetail;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Finds attributes by a case-insensitive substring of their key or value; a blank query matches
 * everything.
 */
public final class AttributeSearch {

  private final String needle;

  private AttributeSearch(String needle) {
    this.needle = needle;
  }

  public static AttributeSearch of(String query) {
    return new AttributeSearch(query == null ? "" : query.strip().toLowerCase(Locale.ROOT));
  }

  public boolean isBlank() {
    return needle.isEmpty();
  }

  /** The entries of {@code attributes} that match, in their order. */
  public Map<String, String> filter(Map<String, String> attributes) {
    Map<String, String> kept = new LinkedHashMap<>();
    attributes.forEach(
        (key, value) -> {
          if (matches(key, value)) {
            kept.put(key, value);
          }
        });
    return kept;
  }

  /**
   * Whether a span attribute, a resource attribute or an event attribute of {@code span} matches
   * (never for a blank query: it marks no span).
   */
  public boolean matchesAnyOf(SpanDetail span) {
    if (isBlank()) {
      return false;
    }
    return !filter(span.attributes()).isEmpty()
        || !filter(span.resource()).isEmpty()
        || span.events().stream().anyMatch(e -> !filter(e.attributes()).isEmpty());
  }

  private boolean matches(String key, String value) {
    return contains(key) || contains(value);
  }

  private boolean contains(String text) {
    return text.toLowerCase(Locale.ROOT).contains(needle);
  }
}
