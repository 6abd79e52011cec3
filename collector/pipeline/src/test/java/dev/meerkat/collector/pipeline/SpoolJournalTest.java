package dev.meerkat.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.collector.pipeline.codec.SpanRecordCodec;
import dev.meerkat.collector.pipeline.spool.FsyncPolicy;
import dev.meerkat.collector.pipeline.spool.Spool;
import dev.meerkat.collector.pipeline.spool.SpoolOptions;
import dev.meerkat.store.model.SpanRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolJournalTest {

  private static final long WAIT = TimeUnit.SECONDS.toNanos(10);
  @TempDir Path directory;

  @Test
  void keepsRecentItemsInMemoryUpToItsCapacityAndReadsTheRestBackFromDisk() throws Exception {
    Spool spool =
        Spool.open(
            directory, new SpoolOptions(1 << 20, 1 << 16, FsyncPolicy.ALWAYS, Duration.ZERO));
    try (SpoolJournal<SpanRecord> journal = new SpoolJournal<>(spool, new SpanRecordCodec(), 4)) {
      List<SpanRecord> first = BatchSpanProcessorTest.spans(2, "a");
      List<SpanRecord> second = BatchSpanProcessorTest.spans(2, "b");
      List<SpanRecord> third = BatchSpanProcessorTest.spans(2, "c"); // beyond 4 items
      for (List<SpanRecord> request : List.of(first, second, third)) {
        assertThat(journal.append(request).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
      }

      JournalEntry<SpanRecord> a = journal.next(WAIT);
      JournalEntry<SpanRecord> b = journal.next(WAIT);
      JournalEntry<SpanRecord> c = journal.next(WAIT);

      assertThat(a.items()).isSameAs(first);
      assertThat(b.items()).isSameAs(second);
      assertThat(c.items()).isNotSameAs(third).isEqualTo(third); // decoded from the spool
      assertThat(List.of(a.token(), b.token(), c.token()))
          .containsExactly(spool.token(0), spool.token(1), spool.token(2));
      assertThat(journal.pending()).isEqualTo(6);
      journal.stored(List.of(a, b, c), 6);
      assertThat(journal.pending()).isZero();
    }
  }
}
