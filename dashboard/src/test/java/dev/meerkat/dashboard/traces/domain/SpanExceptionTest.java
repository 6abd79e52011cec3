package dev.meerkat.dashboard.traces.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.SpanEventDetail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanExceptionTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void readsExceptionEventsWithTheirSemanticAttributesAndSkipsOtherEvents() {
    SpanDetail span =
        new SpanDetail(
                "t", "s", "", "svc", "op", "INTERNAL", T0, 1, "ERROR", "", Map.of(), Map.of())
            .withEventsAndLinks(
                List.of(
                    new SpanEventDetail(T0.plusMillis(1), "retry", Map.of("attempt", "2")),
                    new SpanEventDetail(
                        T0.plusMillis(2),
                        "exception",
                        Map.of(
                            "exception.type", "java.io.IOException",
                            "exception.message", "disk full",
                            "exception.stacktrace", "java.io.IOException: disk full\n\tat A.b")),
                    new SpanEventDetail(
                        T0.plusMillis(3), "exception", Map.of("exception.type", "Timeout"))),
                List.of());

    List<SpanException> exceptions = SpanException.of(span);

    assertThat(exceptions)
        .containsExactly(
            new SpanException(
                T0.plusMillis(2),
                "java.io.IOException",
                "disk full",
                "java.io.IOException: disk full\n\tat A.b"),
            new SpanException(T0.plusMillis(3), "Timeout", "", ""));
    assertThat(exceptions)
        .extracting(SpanException::headline)
        .containsExactly("java.io.IOException: disk full", "Timeout");
  }
}
