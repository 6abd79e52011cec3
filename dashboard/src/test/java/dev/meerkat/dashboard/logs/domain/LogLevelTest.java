package dev.meerkat.dashboard.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Severity names per the OTLP log data model's severity-number ranges. */
class LogLevelTest {

  @Test
  void showsTheSourcesOwnSeverityText() {
    assertThat(LogLevel.nameOf(17, "SEVERE")).isEqualTo("SEVERE");
  }

  @Test
  void namesTheRangeASeverityNumberFallsInWhenTheSourceSentNoText() {
    assertThat(LogLevel.nameOf(0, "")).isEqualTo("");
    assertThat(LogLevel.nameOf(1, "")).isEqualTo("TRACE");
    assertThat(LogLevel.nameOf(8, "")).isEqualTo("DEBUG");
    assertThat(LogLevel.nameOf(9, "")).isEqualTo("INFO");
    assertThat(LogLevel.nameOf(16, "")).isEqualTo("WARN");
    assertThat(LogLevel.nameOf(17, "")).isEqualTo("ERROR");
    assertThat(LogLevel.nameOf(20, "")).isEqualTo("ERROR");
    assertThat(LogLevel.nameOf(24, "")).isEqualTo("FATAL");
  }
}
