package dev.meerkat.dashboard.traces.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.query.log.LogEntry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSeverityTest {

  @Test
  void prefersTheSourcesTextElseNamesTheOtlpRangeOfTheNumber() {
    assertThat(LogSeverity.of(line(17, "Severe"))).isEqualTo("Severe");
    // OTLP: 1-4 TRACE, 5-8 DEBUG, 9-12 INFO, 13-16 WARN, 17-20 ERROR, 21-24 FATAL.
    assertThat(LogSeverity.of(line(4, ""))).isEqualTo("TRACE");
    assertThat(LogSeverity.of(line(5, ""))).isEqualTo("DEBUG");
    assertThat(LogSeverity.of(line(12, ""))).isEqualTo("INFO");
    assertThat(LogSeverity.of(line(13, ""))).isEqualTo("WARN");
    assertThat(LogSeverity.of(line(20, ""))).isEqualTo("ERROR");
    assertThat(LogSeverity.of(line(24, ""))).isEqualTo("FATAL");
    assertThat(LogSeverity.of(line(0, ""))).isEmpty();
    assertThat(LogSeverity.of(line(25, ""))).isEmpty();
  }

  private static LogEntry line(int number, String text) {
    Instant t = Instant.parse("2026-03-01T12:00:00Z");
    return new LogEntry(t, t, number, text, "body", "", "", "svc", Map.of(), Map.of(), "");
  }
}
