package dev.meerkat.collector.pipeline;

import dev.meerkat.store.StoreException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where accepted items wait for their write: the on-disk spool ({@link SpoolJournal}) or, with the
 * spool switched off, memory ({@link MemoryJournal}). Appends come from many threads; one assembler
 * thread reads entries in order; writer threads settle them in any order.
 */
interface Journal<T> extends AutoCloseable {

  /** Takes all of {@code items} or none; the future says which, and when. */
  CompletableFuture<Admission> append(List<T> items);

  /** The next entry in order, waiting up to {@code timeoutNanos}; null when none came. */
  JournalEntry<T> next(long timeoutNanos) throws InterruptedException;

  /** Whether appends were stopped and every entry was read. */
  boolean drained();

  /** The entries (contiguous, in order, {@code items} items in all) are stored. */
  void stored(List<JournalEntry<T>> entries, int items);

  /**
   * The entries were given up: {@code failure} is permanent, or (memory journal only) retries ran
   * out.
   */
  void givenUp(List<JournalEntry<T>> entries, int items, StoreException failure);

  /** Whether retryable failures are retried forever (the spool) or a bounded number of times. */
  boolean retriesForever();

  /** Items accepted and not yet settled. */
  long pending();

  /** Refuses further appends. */
  void stopAppending();

  @Override
  void close();
}
