package dev.meerkat.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.write.LogWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRecordProcessorTest {

  private final List<LogRecord> written = Collections.synchronizedList(new ArrayList<>());
  @TempDir Path spoolDir;

  // Every field set, so a field the spool does not carry shows after a replay from disk.
  private static List<LogRecord> logs(int count, String prefix) {
    List<LogRecord> logs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      logs.add(
          new LogRecord(
              1_000_000_000L + i,
              1_000_000_500L + i,
              17,
              "ERROR",
              prefix + " line " + i + ":\n\tat é",
              "0af7651916cd43dd8448eb211c80319c",
              "b7ad6b716920333" + i,
              1,
              "payment.failed",
              "svc",
              List.of("code.function"),
              List.of("pay"),
              List.of("service.name"),
              List.of("svc"),
              "org.slf4j",
              "2.0.17"));
    }
    return logs;
  }

  private static PipelineSettings settings() {
    return new PipelineSettings(
        4, 2, Duration.ofMillis(1), 1, Duration.ofMillis(1), Duration.ofMillis(1), 1);
  }

  private BatchRecordProcessor<LogRecord> processor(LogWriter writer) {
    return BatchRecordProcessor.logs(
        writer, settings(), SpoolSettings.under(spoolDir), WriteObserver.NONE);
  }

  @Test
  void writesAcceptedLogsAndRefusesMoreThanTheQueueCanHold() throws Exception {
    BatchRecordProcessor<LogRecord> processor = processor(batch -> written.addAll(batch.items()));
    List<LogRecord> three = logs(3, "a");

    assertThat(processor.offer(three).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
    assertThat(processor.offer(logs(5, "b")).get(10, TimeUnit.SECONDS))
        .isEqualTo(Admission.TOO_LARGE);
    assertThat(processor.capacity()).isEqualTo(4);
    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();

    assertThat(written).containsExactlyElementsOf(three);
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(3, 5, 3, 0, 0, 0, 0));
    assertThat(spoolDir.resolve("logs")).isDirectory();
  }

  @Test
  void replaysLogsAnEarlierRunLeftInTheSpoolWithEveryField() throws Exception {
    BatchRecordProcessor<LogRecord> first =
        processor(
            batch -> {
              throw new StoreException("clickhouse down", true);
            });
    List<LogRecord> a = logs(2, "a");
    List<LogRecord> b = logs(1, "b");
    assertThat(first.offer(a).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
    assertThat(first.offer(b).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
    assertThat(first.shutdown(Duration.ofMillis(200))).isFalse(); // cannot write: stays spooled

    List<Boolean> maybeStored = Collections.synchronizedList(new ArrayList<>());
    BatchRecordProcessor<LogRecord> second =
        processor(
            batch -> {
              maybeStored.add(batch.mayBeStored());
              written.addAll(batch.items());
            });
    assertThat(second.shutdown(Duration.ofSeconds(10))).isTrue();

    List<LogRecord> expected = new ArrayList<>(a);
    expected.addAll(b);
    assertThat(written).containsExactlyElementsOf(expected);
    assertThat(maybeStored).first().isEqualTo(true);
    assertThat(second.counts().replayed()).isEqualTo(3);
    assertThat(second.spoolState().pendingItems()).isZero();
  }
}
