package dev.meerkat.collector.pipeline;

import dev.meerkat.store.StoreException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal with the spool switched off: requests wait in memory (at most {@code capacity} items,
 * queued or being written) and are acknowledged only once stored in ClickHouse, so an
 * acknowledgement still means stored. A request whose write failed for good fails its future (the
 * receiver answers 500, which OTLP senders do not retry); one whose retries ran out answers
 * RETRY_LATER.
 */
final class MemoryJournal<T> implements Journal<T> {

  private record Waiting<T>(JournalEntry<T> entry, CompletableFuture<Admission> future) {}

  private final int capacity;
  private final ArrayDeque<Waiting<T>> queue = new ArrayDeque<>();
  private final HashMap<Long, CompletableFuture<Admission>> reading = new HashMap<>();
  // Tokens only need to tell this process's requests apart from every other writer's.
  private final String tokenPrefix =
      "m" + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + "-";
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long nextSeq;
  private long held;
  private boolean stopped;

  MemoryJournal(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public CompletableFuture<Admission> append(List<T> items) {
    lock.lock();
    try {
      if (stopped || held + items.size() > capacity) {
        return CompletableFuture.completedFuture(Admission.RETRY_LATER);
      }
      long seq = nextSeq++;
      CompletableFuture<Admission> future = new CompletableFuture<>();
      queue.add(
          new Waiting<>(
              new JournalEntry<>(seq, tokenPrefix + seq, items, System.currentTimeMillis(), false),
              future));
      held += items.size();
      changed.signalAll();
      return future;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public JournalEntry<T> next(long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long remaining = timeoutNanos;
      while (queue.isEmpty()) {
        if (stopped || remaining <= 0) {
          return null;
        }
        remaining = changed.awaitNanos(remaining);
      }
      Waiting<T> waiting = queue.poll();
      reading.put(waiting.entry().seq(), waiting.future());
      return waiting.entry();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean drained() {
    lock.lock();
    try {
      return stopped && queue.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void stored(List<JournalEntry<T>> entries, int items) {
    settle(entries, items, null, Admission.ACCEPTED);
  }

  @Override
  public void givenUp(List<JournalEntry<T>> entries, int items, StoreException failure) {
    settle(entries, items, failure.retryable() ? null : failure, Admission.RETRY_LATER);
  }

  private void settle(
      List<JournalEntry<T>> entries, int items, StoreException failure, Admission admission) {
    CompletableFuture<?>[] futures = new CompletableFuture<?>[entries.size()];
    lock.lock();
    try {
      held -= items;
      for (int i = 0; i < entries.size(); i++) {
        futures[i] = reading.remove(entries.get(i).seq());
      }
    } finally {
      lock.unlock();
    }
    for (CompletableFuture<?> future : futures) {
      @SuppressWarnings("unchecked")
      CompletableFuture<Admission> admissionFuture = (CompletableFuture<Admission>) future;
      if (failure != null) {
        admissionFuture.completeExceptionally(failure);
      } else {
        admissionFuture.complete(admission);
      }
    }
  }

  @Override
  public boolean retriesForever() {
    return false;
  }

  @Override
  public long pending() {
    lock.lock();
    try {
      return held;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void stopAppending() {
    lock.lock();
    try {
      stopped = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    stopAppending();
  }
}
