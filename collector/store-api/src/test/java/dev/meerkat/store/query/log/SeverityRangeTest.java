package dev.meerkat.store.query.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Severity names per the OpenTelemetry logs data model, "Field: SeverityNumber". */
class SeverityRangeTest {

  @Test
  void namesEveryNumberOfTheDataModelsTableByItsRange() {
    // The spec's table, written out number by number (not derived from the code's rule).
    Map<Integer, String> spec = new LinkedHashMap<>();
    String[][] rows = {
      {"1", "TRACE"}, {"2", "TRACE"}, {"3", "TRACE"}, {"4", "TRACE"},
      {"5", "DEBUG"}, {"6", "DEBUG"}, {"7", "DEBUG"}, {"8", "DEBUG"},
      {"9", "INFO"}, {"10", "INFO"}, {"11", "INFO"}, {"12", "INFO"},
      {"13", "WARN"}, {"14", "WARN"}, {"15", "WARN"}, {"16", "WARN"},
      {"17", "ERROR"}, {"18", "ERROR"}, {"19", "ERROR"}, {"20", "ERROR"},
      {"21", "FATAL"}, {"22", "FATAL"}, {"23", "FATAL"}, {"24", "FATAL"},
    };
    for (String[] row : rows) {
      spec.put(Integer.parseInt(row[0]), row[1]);
    }

    Map<Integer, String> named = new LinkedHashMap<>();
    for (int number = 1; number <= 24; number++) {
      named.put(number, SeverityRange.nameOf(number));
    }

    assertThat(named).containsExactlyEntriesOf(spec);
  }

  @Test
  void spansTheDataModelsRangesInOrderOfSeverity() {
    assertThat(SeverityRange.values())
        .extracting(range -> range.name() + " " + range.first() + "-" + range.last())
        .containsExactly(
            "TRACE 1-4", "DEBUG 5-8", "INFO 9-12", "WARN 13-16", "ERROR 17-20", "FATAL 21-24");
  }

  @Test
  void givesNoNameToUnspecifiedOrUndefinedNumbers() {
    assertThat(SeverityRange.of(0)).isEmpty();
    assertThat(SeverityRange.of(25)).isEmpty();
    // 0 is SEVERITY_NUMBER_UNSPECIFIED; the data model defines nothing above 24 or below 0.
    assertThat(SeverityRange.nameOf(0)).isEmpty();
    assertThat(SeverityRange.nameOf(25)).isEmpty();
    assertThat(SeverityRange.nameOf(255)).isEmpty();
    assertThat(SeverityRange.nameOf(-1)).isEmpty();
  }

  @Test
  void aRecordShowsTheSourcesOwnTextElseTheRangeOfItsNumber() {
    assertThat(entry(17, "SEVERE").severityName()).isEqualTo("SEVERE");
    assertThat(entry(17, "").severityName()).isEqualTo("ERROR");
    assertThat(entry(0, "").severityName()).isEmpty();
    assertThat(entry(25, "").severityName()).isEmpty();
  }

  private static LogEntry entry(int number, String text) {
    Instant t = Instant.parse("2026-03-01T12:00:00Z");
    return new LogEntry(t, t, number, text, "body", "", "", "svc", Map.of(), Map.of(), "");
  }
}
