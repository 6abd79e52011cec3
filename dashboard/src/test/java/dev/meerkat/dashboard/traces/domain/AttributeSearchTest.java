package dev.meerkat.dashboard.traces.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.SpanEventDetail;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeSearchTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void keepsEntriesWhoseKeyOrValueContainsTheQueryIgnoringCase() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("http.route", "/cart");
    attributes.put("db.system", "clickhouse");
    attributes.put("peer.service", "HTTP-gateway");

    assertThat(AttributeSearch.of(" HTTP ").filter(attributes))
        .containsExactly(entry("http.route", "/cart"), entry("peer.service", "HTTP-gateway"));
    assertThat(AttributeSearch.of("click").filter(attributes))
        .containsExactly(entry("db.system", "clickhouse"));
    assertThat(AttributeSearch.of("").filter(attributes)).isEqualTo(attributes);
    assertThat(AttributeSearch.of("nothing").filter(attributes)).isEmpty();
  }

  @Test
  void marksSpansBySpanResourceOrEventAttributesButNeverForABlankQuery() {
    SpanDetail bySpan = span(Map.of("db.statement", "SELECT 1"), Map.of(), List.of());
    SpanDetail byResource = span(Map.of(), Map.of("host.name", "db-7"), List.of());
    SpanDetail byEvent =
        span(
            Map.of(),
            Map.of(),
            List.of(new SpanEventDetail(T0, "exception", Map.of("exception.type", "DbError"))));

    assertThat(List.of(bySpan, byResource, byEvent))
        .filteredOn(AttributeSearch.of("db")::matchesAnyOf)
        .containsExactly(bySpan, byResource, byEvent);
    assertThat(List.of(bySpan, byResource, byEvent))
        .filteredOn(AttributeSearch.of("select")::matchesAnyOf)
        .containsExactly(bySpan);
    assertThat(List.of(bySpan, byResource, byEvent))
        .filteredOn(AttributeSearch.of("  ")::matchesAnyOf)
        .isEmpty();
  }

  private static SpanDetail span(
      Map<String, String> attributes, Map<String, String> resource, List<SpanEventDetail> events) {
    return new SpanDetail(
            "t", "s", "", "svc", "op", "INTERNAL", T0, 1, "OK", "", attributes, resource)
        .withEventsAndLinks(events, List.of());
  }
}
