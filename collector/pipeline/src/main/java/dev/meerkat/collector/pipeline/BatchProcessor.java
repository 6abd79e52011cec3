package dev.meerkat.collector.pipeline;

import dev.meerkat.store.StoreException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link BatchSpanProcessor} and {@link BatchMetricProcessor}: a bounded queue
 * drained by one worker thread into batches by size or age, each written with bounded retries.
 */
final class BatchProcessor<T> {

  private static final Logger logger = LoggerFactory.getLogger(BatchProcessor.class);

  private final String signal;
  private final Consumer<List<T>> sink;
  private final PipelineSettings settings;
  private final WriteObserver observer;
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Thread worker;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private boolean closing;

  BatchProcessor(
      String signal, Consumer<List<T>> sink, PipelineSettings settings, WriteObserver observer) {
    this.signal = signal;
    this.sink = sink;
    this.settings = settings;
    this.observer = observer;
    this.worker = Thread.ofPlatform().name("meerkat-" + signal + "-writer").unstarted(this::run);
    worker.start();
  }

  /** Queues all of {@code items}, or none when they do not fit (all-or-nothing per request). */
  CompletableFuture<Admission> offer(List<T> items) {
    if (items.size() > settings.queueCapacity()) {
      // Waiting cannot help: the queue will never hold this many at once.
      refused.addAndGet(items.size());
      return CompletableFuture.completedFuture(Admission.TOO_LARGE);
    }
    lock.lock();
    try {
      if (closing || queue.size() + items.size() > settings.queueCapacity()) {
        refused.addAndGet(items.size());
        return CompletableFuture.completedFuture(Admission.RETRY_LATER);
      }
      queue.addAll(items);
      accepted.addAndGet(items.size());
      changed.signalAll();
      return CompletableFuture.completedFuture(Admission.ACCEPTED);
    } finally {
      lock.unlock();
    }
  }

  /** The most items one request may hold. */
  int capacity() {
    return settings.queueCapacity();
  }

  PipelineCounts counts() {
    return new PipelineCounts(
        accepted.get(), refused.get(), written.get(), dropped.get(), failedWrites.get(), queued());
  }

  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Refuses new items, writes everything queued, and waits up to {@code timeout} for that. */
  boolean close(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      closing = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return worker.join(timeout);
  }

  private void run() {
    List<T> batch = new ArrayList<>(settings.batchSize());
    try {
      while (nextBatch(batch)) {
        writeWithRetry(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      logger.warn("{} writer interrupted; {} queued {} not written", signal, queued(), signal);
    }
  }

  /** Waits for a full batch, an old enough partial one, or shutdown. False when done. */
  private boolean nextBatch(List<T> batch) throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (closing) {
          return false;
        }
        changed.await();
      }
      long deadline = System.nanoTime() + settings.flushInterval().toNanos();
      long remaining;
      while (queue.size() < settings.batchSize()
          && !closing
          && (remaining = deadline - System.nanoTime()) > 0) {
        changed.awaitNanos(remaining);
      }
      for (int i = 0; i < settings.batchSize() && !queue.isEmpty(); i++) {
        batch.add(queue.poll());
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void writeWithRetry(List<T> batch) throws InterruptedException {
    long backoffNanos = settings.initialBackoff().toNanos();
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      try {
        sink.accept(batch);
        observer.onWrite(batch.size(), System.nanoTime() - started, true);
        written.addAndGet(batch.size());
        return;
      } catch (RuntimeException e) {
        observer.onWrite(batch.size(), System.nanoTime() - started, false);
        failedWrites.incrementAndGet();
        boolean retryable = e instanceof StoreException store && store.retryable();
        if (!retryable || attempt >= settings.maxAttempts()) {
          dropped.addAndGet(batch.size());
          logger.error(
              "Dropped a batch of {} {} after {} attempt(s) ({}): {}",
              batch.size(),
              signal,
              attempt,
              retryable ? "retries exhausted" : "permanent failure",
              e.getMessage(),
              e);
          return;
        }
        logger.warn(
            "Writing {} {} failed (attempt {} of {}), retrying in {} ms: {}",
            batch.size(),
            signal,
            attempt,
            settings.maxAttempts(),
            TimeUnit.NANOSECONDS.toMillis(backoffNanos),
            e.getMessage());
        TimeUnit.NANOSECONDS.sleep(backoffNanos);
        backoffNanos = Math.min(backoffNanos * 2, settings.maxBackoff().toNanos());
      }
    }
  }
}
