package dev.meerkat.dashboard.traces.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.query.AttributeFilter;
import dev.meerkat.store.query.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceSearchTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void readsEveryFilterFromTheUrlAndBuildsTheStoreQuery() {
    Map<String, List<String>> url = new LinkedHashMap<>();
    url.put("service", List.of("checkout"));
    url.put("operation", List.of("POST /pay"));
    url.put("minDurationMs", List.of("2.5"));
    url.put("maxDurationMs", List.of("40"));
    url.put("status", List.of("error"));
    url.put("attr", List.of("customer.tier=gold", "http.route=/a=b"));
    url.put("cursor", List.of("abc"));

    TraceSearch search = TraceSearch.fromParameters(url);

    assertThat(search.problems()).isEmpty();
    assertThat(search.toParameters()).isEqualTo(url);
    assertThat(search.toQuery(NOW.minus(Duration.ofHours(6)), NOW))
        .isEqualTo(
            new TraceQuery(
                NOW.minus(Duration.ofHours(6)),
                NOW,
                Optional.of("checkout"),
                Optional.of("POST /pay"),
                Optional.of(Duration.ofNanos(2_500_000)),
                Optional.of(Duration.ofMillis(40)),
                Optional.of(SpanStatus.ERROR),
                List.of(
                    new AttributeFilter("customer.tier", "gold"),
                    new AttributeFilter("http.route", "/a=b")),
                TraceSearch.PAGE_SIZE,
                Optional.of("abc")));
  }

  @Test
  void anEmptyUrlSearchesEverythingInTheTimeRange() {
    TraceSearch search = TraceSearch.fromParameters(Map.of());

    assertThat(search.toParameters()).isEqualTo(Map.of());
    assertThat(search.toQuery(NOW.minus(Duration.ofMinutes(5)), NOW))
        .isEqualTo(
            TraceQuery.between(NOW.minus(Duration.ofMinutes(5)), NOW)
                .withLimit(TraceSearch.PAGE_SIZE));
  }

  @Test
  void dropsWhatItCannotReadAndSaysWhy() {
    TraceSearch search =
        TraceSearch.fromParameters(
            Map.of(
                "minDurationMs", List.of("-1"),
                "maxDurationMs", List.of("fast"),
                "status", List.of("failed"),
                "attr", List.of("gold")));

    assertThat(search.problems())
        .containsExactly(
            "attr must be key=value with a non-empty key, was 'gold'",
            "minDurationMs must be a non-negative number of milliseconds, was '-1'",
            "maxDurationMs must be a non-negative number of milliseconds, was 'fast'",
            "status must be one of any, ok, error, unset, was 'failed'");
    assertThat(search.toParameters()).isEqualTo(Map.of());
  }

  @Test
  void pagingKeepsTheFiltersAndOnlyMovesTheCursor() {
    TraceSearch first =
        TraceSearch.fromParameters(
            Map.of("service", List.of("checkout"), "status", List.of("any")));

    TraceSearch second = first.withCursor("next");

    assertThat(second.toParameters())
        .isEqualTo(Map.of("service", List.of("checkout"), "cursor", List.of("next")));
    assertThat(second.firstPage()).isEqualTo(first);
  }
}
