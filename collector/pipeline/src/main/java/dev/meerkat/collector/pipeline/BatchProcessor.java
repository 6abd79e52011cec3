package dev.meerkat.collector.pipeline;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.write.BatchWriter;
import dev.meerkat.store.write.WriteBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind every signal's processor: requests go into a {@link Journal} (the spool, or
 * memory); one assembler thread reads them back in order into batches by size or age; {@code
 * writers} threads store the batches concurrently, each retried with capped exponential backoff
 * (forever when spooled) and settled in the journal once stored. Memory holds at most the batch
 * being assembled and one per writer.
 */
final class BatchProcessor<T> {

  private static final Logger logger = LoggerFactory.getLogger(BatchProcessor.class);
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final String signal;
  private final BatchWriter<T> writer;
  private final PipelineSettings settings;
  private final Journal<T> journal;
  private final WriteObserver observer;
  private final SynchronousQueue<Batch<T>> handOff = new SynchronousQueue<>();
  private final Thread assembler;
  private final List<Thread> writerThreads = new ArrayList<>();
  // First sequence -> acceptance time of every batch not yet stored, for the oldest unsent age.
  private final ConcurrentSkipListMap<Long, Long> unsent = new ConcurrentSkipListMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private volatile boolean closing;

  private record Batch<T>(List<JournalEntry<T>> entries, WriteBatch<T> items) {}

  BatchProcessor(
      String signal,
      BatchWriter<T> writer,
      PipelineSettings settings,
      Journal<T> journal,
      WriteObserver observer) {
    this.signal = signal;
    this.writer = writer;
    this.settings = settings;
    this.journal = journal;
    this.observer = observer;
    this.assembler =
        Thread.ofPlatform().name("meerkat-" + signal + "-batcher").start(this::assemble);
    for (int i = 0; i < settings.writers(); i++) {
      writerThreads.add(
          Thread.ofPlatform().name("meerkat-" + signal + "-writer-" + i).start(this::write));
    }
  }

  /** Takes all of {@code items} or none (all-or-nothing per request). */
  CompletableFuture<Admission> offer(List<T> items) {
    if (items.size() > settings.queueCapacity()) {
      // Waiting cannot help: the pipeline will never take this many at once.
      refused.addAndGet(items.size());
      return CompletableFuture.completedFuture(Admission.TOO_LARGE);
    }
    if (closing) {
      refused.addAndGet(items.size());
      return CompletableFuture.completedFuture(Admission.RETRY_LATER);
    }
    return journal
        .append(items)
        .whenComplete(
            (admission, failure) -> {
              if (admission == Admission.ACCEPTED) {
                accepted.addAndGet(items.size());
              } else {
                refused.addAndGet(items.size());
              }
            });
  }

  /** The most items one request may hold. */
  int capacity() {
    return settings.queueCapacity();
  }

  PipelineCounts counts() {
    return new PipelineCounts(
        accepted.get(),
        refused.get(),
        written.get(),
        dropped.get(),
        failedWrites.get(),
        journal.pending(),
        replayed.get());
  }

  /** Age in milliseconds of the oldest accepted item not yet stored; 0 when none. */
  long oldestUnsentMillis() {
    var oldest = unsent.firstEntry();
    return oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest.getValue());
  }

  SpoolState spoolState() {
    if (journal instanceof SpoolJournal<T> spooled) {
      var stats = spooled.stats();
      return new SpoolState(
          true, stats.bytes(), stats.segments(), stats.pendingItems(), oldestUnsentMillis());
    }
    return new SpoolState(false, 0, 0, 0, 0);
  }

  /**
   * Refuses new items and writes everything accepted, waiting up to {@code timeout}. What is not
   * written by then stays in the spool for the next start (lost only without a spool).
   */
  boolean close(Duration timeout) throws InterruptedException {
    closing = true;
    journal.stopAppending();
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean done = assembler.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    for (Thread thread : writerThreads) {
      done &= thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }
    if (!done) {
      assembler.interrupt();
      writerThreads.forEach(Thread::interrupt);
      assembler.join();
      for (Thread thread : writerThreads) {
        thread.join();
      }
    }
    journal.close();
    return done;
  }

  private void assemble() {
    List<JournalEntry<T>> entries = new ArrayList<>();
    int items = 0;
    long firstNanos = 0;
    try {
      while (true) {
        long wait =
            entries.isEmpty()
                ? IDLE_POLL_NANOS
                : firstNanos + settings.flushInterval().toNanos() - System.nanoTime();
        JournalEntry<T> entry = wait > 0 ? journal.next(wait) : null;
        if (entry != null) {
          if (entries.isEmpty()) {
            firstNanos = System.nanoTime();
            unsent.put(entry.seq(), entry.appendedMillis());
          }
          if (entry.replayed()) {
            replayed.addAndGet(entry.items().size());
          }
          entries.add(entry);
          items += entry.items().size();
        }
        boolean drained = entry == null && journal.drained();
        boolean old =
            !entries.isEmpty()
                && System.nanoTime() - firstNanos >= settings.flushInterval().toNanos();
        if (items >= settings.batchSize() || (old && entry == null) || (drained && items > 0)) {
          handOff.put(toBatch(entries, items));
          entries = new ArrayList<>();
          items = 0;
        }
        if (drained && entries.isEmpty()) {
          break;
        }
      }
      for (int i = 0; i < writerThreads.size(); i++) {
        handOff.put(new Batch<>(List.of(), null)); // one end marker per writer
      }
    } catch (InterruptedException e) {
      logger.warn("{} batcher interrupted; unsent {} stay in the journal", signal, signal);
    }
  }

  private Batch<T> toBatch(List<JournalEntry<T>> entries, int items) {
    boolean replay = false;
    for (int i = 0; i < entries.size(); i++) {
      replay |= entries.get(i).replayed();
    }
    return new Batch<>(entries, toWriteBatch(entries, items, replay));
  }

  private static <T> WriteBatch<T> toWriteBatch(
      List<JournalEntry<T>> entries, int items, boolean mayBeStored) {
    List<T> all = new ArrayList<>(items);
    String[] tokens = new String[entries.size()];
    int[] ends = new int[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      JournalEntry<T> entry = entries.get(i);
      all.addAll(entry.items());
      tokens[i] = entry.token();
      ends[i] = all.size();
    }
    return WriteBatch.of(all, tokens, ends, mayBeStored);
  }

  private void write() {
    try {
      while (true) {
        Batch<T> batch = handOff.take();
        if (batch.entries().isEmpty()) {
          return;
        }
        writeWithRetry(batch);
      }
    } catch (InterruptedException e) {
      logger.warn("{} writer interrupted; unsent {} stay in the journal", signal, signal);
    }
  }

  private void writeWithRetry(Batch<T> batch) throws InterruptedException {
    store(batch.entries(), batch.items());
    unsent.remove(batch.entries().get(0).seq());
  }

  private void store(List<JournalEntry<T>> entries, WriteBatch<T> batch)
      throws InterruptedException {
    WriteBatch<T> items = batch;
    long backoffNanos = settings.initialBackoff().toNanos();
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      try {
        writer.write(items);
        observer.onWrite(items.size(), System.nanoTime() - started, true);
        journal.stored(entries, items.size());
        // No longer unsent before it counts as written: a scrape that sees the items written must
        // not also see them as the oldest unsent (writeWithRetry removes it again after give-ups).
        unsent.remove(entries.get(0).seq());
        written.addAndGet(items.size());
        return;
      } catch (RuntimeException e) {
        observer.onWrite(items.size(), System.nanoTime() - started, false);
        failedWrites.incrementAndGet();
        StoreException failure =
            e instanceof StoreException store
                ? store
                : new StoreException("unexpected write failure: " + e, false, e);
        if (!failure.retryable() && entries.size() > 1) {
          // Narrow it down by halves, so only the requests ClickHouse refuses are given up.
          int half = entries.size() / 2;
          storeHalf(entries.subList(0, half), items.mayBeStored());
          storeHalf(entries.subList(half, entries.size()), items.mayBeStored());
          return;
        }
        boolean exhausted = !journal.retriesForever() && attempt >= settings.maxAttempts();
        if (!failure.retryable() || exhausted) {
          giveUp(entries, items.size(), attempt, failure);
          return;
        }
        if (attempt == 1 || attempt % 10 == 0) {
          logger.warn(
              "Writing {} {} failed (attempt {}), retrying in {} ms: {}",
              items.size(),
              signal,
              attempt,
              TimeUnit.NANOSECONDS.toMillis(backoffNanos),
              e.getMessage());
        }
        // The attempt may have reached the server: the next one skips what is stored.
        items = items.asMayBeStored();
        TimeUnit.NANOSECONDS.sleep(backoffNanos);
        backoffNanos = Math.min(backoffNanos * 2, settings.maxBackoff().toNanos());
      }
    }
  }

  private void storeHalf(List<JournalEntry<T>> entries, boolean mayBeStored)
      throws InterruptedException {
    int items = 0;
    for (int i = 0; i < entries.size(); i++) {
      items += entries.get(i).items().size();
    }
    store(entries, toWriteBatch(entries, items, mayBeStored));
  }

  private void giveUp(
      List<JournalEntry<T>> entries, int size, int attempt, StoreException failure) {
    dropped.addAndGet(size);
    logger.error(
        "Gave up {} {} of {} request(s) after {} attempt(s) ({}){}: {}",
        size,
        signal,
        entries.size(),
        attempt,
        failure.retryable() ? "retries exhausted" : "permanent failure",
        journal.retriesForever() ? ", kept in the dead-letter file" : "",
        failure.getMessage(),
        failure);
    journal.givenUp(entries, size, failure);
  }
}
