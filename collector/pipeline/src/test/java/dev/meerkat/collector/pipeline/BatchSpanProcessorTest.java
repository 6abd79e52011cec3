package dev.meerkat.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.write.SpanWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSpanProcessorTest {

  private static final Duration LONG = Duration.ofHours(1);
  private final List<SpanRecord> written = Collections.synchronizedList(new ArrayList<>());
  @TempDir Path spoolDir;

  static List<SpanRecord> spans(int count, String prefix) {
    List<SpanRecord> spans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      spans.add(
          new SpanRecord(
              1_000_000_000L,
              5,
              "trace",
              prefix + i,
              "",
              "",
              "svc",
              "op",
              SpanKind.SERVER,
              SpanStatus.OK,
              "",
              "",
              "",
              0,
              "",
              1.0,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              "",
              ""));
    }
    return spans;
  }

  private static PipelineSettings settings(int capacity, int batchSize, Duration flush) {
    return new PipelineSettings(
        capacity, batchSize, flush, 3, Duration.ofMillis(1), Duration.ofMillis(2), 1);
  }

  private SpoolSettings spool() {
    return SpoolSettings.under(spoolDir);
  }

  private static BatchSpanProcessor processor(
      SpanWriter writer, PipelineSettings settings, SpoolSettings spool) {
    return BatchSpanProcessor.create(writer, settings, spool, List.of(), WriteObserver.NONE);
  }

  @Test
  void acknowledgesOnceSpooledBeforeTheWriteWithoutASpoolOnlyAfterIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SpanWriter blocked =
        batch -> {
          await(release);
          written.addAll(batch.items());
        };
    BatchSpanProcessor spooled = processor(blocked, settings(10, 10, Duration.ZERO), spool());
    BatchSpanProcessor unspooled =
        processor(blocked, settings(10, 10, Duration.ZERO), SpoolSettings.disabled());

    CompletableFuture<Admission> durable = spooled.offer(spans(2, "spooled"));
    CompletableFuture<Admission> stored = unspooled.offer(spans(2, "memory"));

    assertThat(durable.get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
    assertThat(written).isEmpty();
    assertThat(stored).isNotDone();
    release.countDown();
    assertThat(stored.get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
    assertThat(spooled.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(unspooled.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(written)
        .extracting(SpanRecord::spanId)
        .containsExactlyInAnyOrder("spooled0", "spooled1", "memory0", "memory1");
  }

  @Test
  void refusesWhenTheSpoolIsFullAndForGoodWhenARequestCanNeverFit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BatchSpanProcessor processor =
        processor(
            batch -> {
              await(release);
              written.addAll(batch.items());
            },
            settings(100, 100, Duration.ZERO),
            spool().withMaxBytes(4096));

    List<Admission> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(processor.offer(spans(10, "r" + i + "-")).get(10, TimeUnit.SECONDS));
    }
    Admission tooLarge = processor.offer(spans(101, "big")).get(10, TimeUnit.SECONDS);
    Admission tooManyBytes = processor.offer(spans(90, "bytes")).get(10, TimeUnit.SECONDS);

    // 10 spans encode to ~400 bytes + 20 header; 4096 bytes hold 9 such requests after the header.
    int accepted = answers.indexOf(Admission.RETRY_LATER);
    assertThat(accepted).isGreaterThan(0);
    assertThat(answers.subList(accepted, answers.size())).containsOnly(Admission.RETRY_LATER);
    assertThat(tooLarge).isEqualTo(Admission.TOO_LARGE);
    assertThat(tooManyBytes).isEqualTo(Admission.TOO_LARGE);
    release.countDown();
    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(written).hasSize(accepted * 10);
    assertThat(processor.counts().accepted()).isEqualTo(accepted * 10L);
    assertThat(processor.counts().refused()).isEqualTo((10 - accepted) * 10L + 101 + 90);
  }

  @Test
  void acceptsABacklogBeyondItsMemoryCapacityIntoTheSpoolAndWritesItInOrder() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BatchSpanProcessor processor =
        processor(
            batch -> {
              await(release); // ClickHouse is slow: the backlog grows past the memory capacity
              written.addAll(batch.items());
            },
            settings(10, 10, Duration.ZERO),
            spool());
    List<SpanRecord> offered = new ArrayList<>();

    for (int i = 0; i < 20; i++) {
      List<SpanRecord> request = spans(10, "r" + i + "-");
      offered.addAll(request);
      assertThat(processor.offer(request).get(10, TimeUnit.SECONDS)).isEqualTo(Admission.ACCEPTED);
    }
    assertThat(processor.counts().queued()).isEqualTo(200);
    release.countDown();
    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();

    assertThat(written).containsExactlyElementsOf(offered);
  }

  @Test
  void writesInOrderInBatchesOfWholeRequests() throws Exception {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    BatchSpanProcessor processor =
        processor(
            batch -> {
              sizes.add(batch.size());
              written.addAll(batch.items());
            },
            settings(100, 4, LONG),
            spool());

    for (int i = 0; i < 5; i++) {
      processor.offer(spans(2, "r" + i + "-")).get(10, TimeUnit.SECONDS);
    }
    processor.shutdown(Duration.ofSeconds(10));

    assertThat(sizes).containsExactly(4, 4, 2);
    assertThat(written)
        .extracting(SpanRecord::spanId)
        .containsExactly(
            "r0-0", "r0-1", "r1-0", "r1-1", "r2-0", "r2-1", "r3-0", "r3-1", "r4-0", "r4-1");
  }

  @Test
  void retriesRetryableFailuresForeverWhenSpooledAndMarksRetriesAsMaybeStored() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    List<Boolean> maybeStored = Collections.synchronizedList(new ArrayList<>());
    BatchSpanProcessor processor =
        processor(
            batch -> {
              maybeStored.add(batch.mayBeStored());
              if (attempts.incrementAndGet() <= 7) { // more than maxAttempts (3)
                throw new StoreException("connection reset", true);
              }
              written.addAll(batch.items());
            },
            settings(100, 10, Duration.ZERO),
            spool());

    processor.offer(spans(5, "s")).get(10, TimeUnit.SECONDS);
    processor.shutdown(Duration.ofSeconds(10));

    assertThat(written).hasSize(5);
    assertThat(maybeStored).containsExactly(false, true, true, true, true, true, true, true);
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(5, 0, 5, 0, 7, 0, 0));
  }

  @Test
  void replaysWhatAnEarlierRunLeftInTheSpoolInOrder() throws Exception {
    BatchSpanProcessor first =
        processor(
            batch -> {
              throw new StoreException("clickhouse down", true);
            },
            settings(100, 100, Duration.ZERO),
            spool());
    for (String request : List.of("a", "b", "c")) {
      assertThat(first.offer(spans(2, request)).get(10, TimeUnit.SECONDS))
          .isEqualTo(Admission.ACCEPTED);
    }
    assertThat(first.shutdown(Duration.ofMillis(200))).isFalse(); // cannot write: stays spooled
    assertThat(first.counts().written()).isZero();

    List<Boolean> maybeStored = Collections.synchronizedList(new ArrayList<>());
    BatchSpanProcessor second =
        processor(
            batch -> {
              maybeStored.add(batch.mayBeStored());
              written.addAll(batch.items());
            },
            settings(100, 100, Duration.ZERO),
            spool());
    second.offer(spans(1, "d")).get(10, TimeUnit.SECONDS);
    assertThat(second.shutdown(Duration.ofSeconds(10))).isTrue();

    assertThat(written)
        .extracting(SpanRecord::spanId)
        .containsExactly("a0", "a1", "b0", "b1", "c0", "c1", "d0");
    assertThat(maybeStored).first().isEqualTo(true);
    assertThat(second.counts().replayed()).isEqualTo(6);
    assertThat(second.spoolState().pendingItems()).isZero();
  }

  @Test
  void deadLettersOnlyTheRequestClickHouseRefusesAndMovesOn() throws Exception {
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    BatchSpanProcessor processor =
        processor(
            batch -> {
              attempts.add(batch.size());
              if (batch.items().stream().anyMatch(span -> span.spanId().startsWith("bad"))) {
                throw new StoreException("Cannot parse input", false);
              }
              written.addAll(batch.items());
            },
            settings(100, 4, LONG),
            spool());

    for (String request : List.of("r0-", "bad", "r2-", "r3-")) {
      processor.offer(spans(1, request)).get(10, TimeUnit.SECONDS);
    }
    processor.shutdown(Duration.ofSeconds(10));

    // [r0 bad r2 r3] fails -> [r0 bad] fails -> [r0] ok, [bad] dead-lettered; [r2 r3] ok
    assertThat(attempts).containsExactly(4, 2, 1, 1, 2);
    assertThat(written).extracting(SpanRecord::spanId).containsExactly("r0-0", "r2-0", "r3-0");
    assertThat(processor.counts().dropped()).isEqualTo(1);
    assertThat(processor.counts().failedWrites()).isEqualTo(3);
    assertThat(processor.spoolState().pendingItems()).isZero();
    assertThat(spoolDir.resolve("spans/dead-letter/dead-letters.bin")).exists();
  }

  @Test
  void withoutASpoolGivesUpAfterMaxAttemptsAndFailsPermanentRefusals() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    BatchSpanProcessor processor =
        processor(
            batch -> {
              attempts.incrementAndGet();
              boolean permanent = batch.items().get(0).spanId().startsWith("permanent");
              throw new StoreException(permanent ? "syntax error" : "timeout", !permanent);
            },
            settings(100, 5, Duration.ZERO),
            SpoolSettings.disabled());

    CompletableFuture<Admission> permanent = processor.offer(spans(5, "permanent"));
    CompletableFuture<Admission> retryable = processor.offer(spans(5, "retryable"));

    assertThat(retryable.get(10, TimeUnit.SECONDS)).isEqualTo(Admission.RETRY_LATER);
    assertThat(permanent).failsWithin(Duration.ofSeconds(10));
    processor.shutdown(Duration.ofSeconds(10));
    assertThat(attempts).hasValue(4); // permanent: 1 attempt; retryable: 3 (maxAttempts)
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(0, 10, 0, 10, 4, 0, 0));
  }

  @Test
  void showsAcceptedSpansToConsumersButNotRefusedOnes() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    SpanConsumer broken =
        spans -> {
          throw new IllegalStateException("broken consumer");
        };
    BatchSpanProcessor processor =
        BatchSpanProcessor.create(
            batch -> {},
            settings(3, 3, LONG),
            spool(),
            List.of(broken, spans -> spans.forEach(s -> seen.add(s.spanId()))),
            WriteObserver.NONE);

    assertThat(processor.offer(spans(2, "ok")).get(10, TimeUnit.SECONDS))
        .isEqualTo(Admission.ACCEPTED);
    assertThat(processor.offer(spans(4, "refused")).get(10, TimeUnit.SECONDS))
        .isEqualTo(Admission.TOO_LARGE);
    processor.shutdown(Duration.ofSeconds(10));

    assertThat(seen).containsExactly("ok0", "ok1");
    assertThat(processor.consumerFailures()).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
