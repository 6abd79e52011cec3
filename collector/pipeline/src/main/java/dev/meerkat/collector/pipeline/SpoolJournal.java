package dev.meerkat.collector.pipeline;

import dev.meerkat.collector.pipeline.codec.CodecInput;
import dev.meerkat.collector.pipeline.codec.CodecOutput;
import dev.meerkat.collector.pipeline.codec.RecordCodec;
import dev.meerkat.collector.pipeline.spool.Spool;
import dev.meerkat.collector.pipeline.spool.SpoolEntry;
import dev.meerkat.collector.pipeline.spool.SpoolStats;
import dev.meerkat.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable journal: each request is encoded by the signal's codec and appended to the spool, and
 * acknowledged once durable; the writers read requests back from the spool, so memory holds only
 * the batches being written, whatever the backlog.
 */
final class SpoolJournal<T> implements Journal<T> {

  private static final Logger logger = LoggerFactory.getLogger(SpoolJournal.class);
  // Encoding buffers are reused per receiving thread; one that grew past this is let go, so the
  // receivers' many threads (Armeria's blocking executor) hold little memory between requests.
  private static final int KEEP_BUFFER_BYTES = 256 * 1024;

  private final Spool spool;
  private final RecordCodec<T> codec;
  private final DeadLetterFile deadLetters;
  private final ThreadLocal<CodecOutput> buffers =
      ThreadLocal.withInitial(() -> new CodecOutput(16 * 1024));

  private final int capacity;
  private final ConcurrentHashMap<Long, List<T>> recent = new ConcurrentHashMap<>();
  private final AtomicLong recentItems = new AtomicLong();

  SpoolJournal(Spool spool, RecordCodec<T> codec, int capacity) {
    this.spool = spool;
    this.codec = codec;
    this.capacity = capacity;
    this.deadLetters = new DeadLetterFile(spool.directory().resolve("dead-letter"));
  }

  @Override
  public CompletableFuture<Admission> append(List<T> items) {
    CodecOutput out = buffers.get();
    out.reset();
    codec.encode(items, out);
    CompletableFuture<Admission> admission =
        spool.append(out.array(), out.size(), items.size(), seq -> keepRecent(seq, items));
    if (out.array().length > KEEP_BUFFER_BYTES) {
      buffers.remove();
    }
    return admission;
  }

  // Under the spool's lock, before the reader can see the record.
  private void keepRecent(long seq, List<T> items) {
    if (recentItems.get() + items.size() <= capacity) {
      recentItems.addAndGet(items.size());
      recent.put(seq, items);
    }
  }

  @Override
  public JournalEntry<T> next(long timeoutNanos) throws InterruptedException {
    while (true) {
      SpoolEntry entry;
      try {
        entry = spool.reader().next(timeoutNanos);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read spool " + spool.directory(), e);
      }
      if (entry == null) {
        return null;
      }
      byte[] payload = entry.payload();
      List<T> kept = recent.remove(entry.seq());
      if (kept != null) {
        recentItems.addAndGet(-kept.size());
        return new JournalEntry<>(
            entry.seq(), spool.token(entry.seq()), kept, entry.appendedMillis(), entry.replayed());
      }
      try {
        List<T> items = codec.decode(new CodecInput(payload, 0, payload.length));
        return new JournalEntry<>(
            entry.seq(), spool.token(entry.seq()), items, entry.appendedMillis(), entry.replayed());
      } catch (RuntimeException e) {
        // Passed its checksum, so written by a codec that cannot read it back: keep it aside.
        logger.error("Spool record {} cannot be decoded: {}", entry.seq(), e.getMessage(), e);
        deadLetters.write(entry.seq(), payload, payload.length, e.getMessage());
        spool.commit(entry.seq(), entry.seq() + 1, entry.items());
      }
    }
  }

  @Override
  public boolean drained() {
    return spool.reader().drained();
  }

  @Override
  public void stored(List<JournalEntry<T>> entries, int items) {
    spool.commit(entries.get(0).seq(), entries.get(entries.size() - 1).seq() + 1, items);
  }

  @Override
  public void givenUp(List<JournalEntry<T>> entries, int items, StoreException failure) {
    CodecOutput out = new CodecOutput(64 * 1024);
    for (int i = 0; i < entries.size(); i++) {
      out.reset();
      codec.encode(entries.get(i).items(), out);
      deadLetters.write(entries.get(i).seq(), out.array(), out.size(), failure.getMessage());
    }
    stored(entries, items);
  }

  @Override
  public boolean retriesForever() {
    return true;
  }

  @Override
  public long pending() {
    return spool.stats().pendingItems();
  }

  SpoolStats stats() {
    return spool.stats();
  }

  @Override
  public void stopAppending() {
    spool.stopAppending();
  }

  @Override
  public void close() {
    spool.close();
  }
}
