package dev.meerkat.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.model.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLogProcessorTest {

  private final List<LogRecord> written = Collections.synchronizedList(new ArrayList<>());

  private static List<LogRecord> logs(int count) {
    List<LogRecord> logs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      logs.add(
          new LogRecord(
              1_000_000_000L + i,
              0,
              9,
              "INFO",
              "line " + i,
              "",
              "",
              0,
              "",
              "svc",
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              "",
              ""));
    }
    return logs;
  }

  @Test
  void writesAcceptedLogsAndRefusesMoreThanTheQueueCanHold() throws Exception {
    PipelineSettings settings =
        new PipelineSettings(
            4, 2, Duration.ofMillis(1), 1, Duration.ofMillis(1), Duration.ofMillis(1));
    BatchLogProcessor processor =
        BatchLogProcessor.create(written::addAll, settings, WriteObserver.NONE);
    List<LogRecord> three = logs(3);

    assertThat(processor.offer(three)).isCompletedWithValue(Admission.ACCEPTED);
    assertThat(processor.offer(logs(5))).isCompletedWithValue(Admission.TOO_LARGE);
    assertThat(processor.capacity()).isEqualTo(4);
    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();

    assertThat(written).containsExactlyElementsOf(three);
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(3, 5, 3, 0, 0, 0));
  }
}
