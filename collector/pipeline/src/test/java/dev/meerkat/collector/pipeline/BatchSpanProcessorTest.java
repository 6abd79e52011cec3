package dev.meerkat.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchSpanProcessorTest {

  private static final Duration LONG = Duration.ofHours(1);
  private final List<SpanRecord> written = Collections.synchronizedList(new ArrayList<>());

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
        capacity, batchSize, flush, 3, Duration.ofMillis(1), Duration.ofMillis(2));
  }

  @Test
  void refusesBatchWhenQueueIsFull() throws Exception {
    CountDownLatch writerEntered = new CountDownLatch(1);
    CountDownLatch releaseWriter = new CountDownLatch(1);
    BatchSpanProcessor processor =
        BatchSpanProcessor.create(
            batch -> {
              writerEntered.countDown();
              await(releaseWriter);
              written.addAll(batch);
            },
            settings(10, 10, LONG),
            List.of(),
            WriteObserver.NONE);

    assertThat(processor.offer(spans(10, "a"))).isCompletedWithValue(Admission.ACCEPTED);
    assertThat(writerEntered.await(10, TimeUnit.SECONDS)).isTrue(); // queue drained into a batch
    assertThat(processor.offer(spans(10, "b"))).isCompletedWithValue(Admission.ACCEPTED);
    assertThat(processor.offer(spans(1, "c"))).isCompletedWithValue(Admission.RETRY_LATER);

    assertThat(processor.counts()).isEqualTo(new PipelineCounts(20, 1, 0, 0, 0, 10));
    releaseWriter.countDown();
    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(20, 1, 20, 0, 0, 0));
    assertThat(written).extracting(SpanRecord::spanId).doesNotContain("c0").hasSize(20);
  }

  @Test
  void refusesForGoodARequestLargerThanTheQueueCanEverHold() throws Exception {
    BatchSpanProcessor processor =
        BatchSpanProcessor.create(
            written::addAll, settings(10, 10, LONG), List.of(), WriteObserver.NONE);

    assertThat(processor.offer(spans(11, "big"))).isCompletedWithValue(Admission.TOO_LARGE);
    assertThat(processor.offer(spans(10, "fits"))).isCompletedWithValue(Admission.ACCEPTED);

    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(10, 11, 10, 0, 0, 0));
  }

  @Test
  void flushesQueuedSpansOnShutdown() throws Exception {
    BatchSpanProcessor processor =
        BatchSpanProcessor.create(
            written::addAll, settings(100, 50, LONG), List.of(), WriteObserver.NONE);

    processor.offer(spans(3, "s"));
    assertThat(written).isEmpty(); // batch not full and the interval is an hour
    assertThat(processor.shutdown(Duration.ofSeconds(10))).isTrue();

    assertThat(written).extracting(SpanRecord::spanId).containsExactly("s0", "s1", "s2");
    assertThat(processor.offer(spans(1, "late"))).isCompletedWithValue(Admission.RETRY_LATER);
  }

  @Test
  void writesInBatchesOfAtMostBatchSize() throws Exception {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    BatchSpanProcessor processor =
        BatchSpanProcessor.create(
            batch -> sizes.add(batch.size()),
            settings(100, 4, LONG),
            List.of(),
            WriteObserver.NONE);

    processor.offer(spans(10, "s"));
    processor.shutdown(Duration.ofSeconds(10));

    assertThat(sizes).containsExactly(4, 4, 2);
  }

  @Test
  void retriesRetryableFailuresThenWrites() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    List<Boolean> observed = Collections.synchronizedList(new ArrayList<>());
    BatchSpanProcessor processor =
        BatchSpanProcessor.create(
            batch -> {
              if (attempts.incrementAndGet() <= 2) {
                throw new StoreException("connection refused", true);
              }
              written.addAll(batch);
            },
            settings(100, 10, Duration.ZERO),
            List.of(),
            (items, nanos, success) -> observed.add(success));

    processor.offer(spans(5, "s"));
    processor.shutdown(Duration.ofSeconds(10));

    assertThat(written).hasSize(5);
    assertThat(observed).containsExactly(false, false, true);
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(5, 0, 5, 0, 2, 0));
  }

  @Test
  void dropsAndCountsAfterPermanentFailureOrExhaustedRetries() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    BatchSpanProcessor processor =
        BatchSpanProcessor.create(
            batch -> {
              boolean first = attempts.incrementAndGet() == 1;
              throw new StoreException(first ? "syntax error" : "timeout", !first);
            },
            settings(100, 5, Duration.ZERO),
            List.of(),
            WriteObserver.NONE);

    processor.offer(spans(5, "permanent"));
    processor.offer(spans(5, "retryable"));
    processor.shutdown(Duration.ofSeconds(10));

    // permanent: 1 attempt; retryable: 3 attempts (maxAttempts)
    assertThat(attempts).hasValue(4);
    assertThat(processor.counts()).isEqualTo(new PipelineCounts(10, 0, 0, 10, 4, 0));
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
            List.of(broken, spans -> spans.forEach(s -> seen.add(s.spanId()))),
            WriteObserver.NONE);

    assertThat(processor.offer(spans(2, "ok"))).isCompletedWithValue(Admission.ACCEPTED);
    assertThat(processor.offer(spans(2, "refused"))).isCompletedWithValue(Admission.RETRY_LATER);
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
