package dev.meerkat.collector.pipeline.spool;

import dev.meerkat.collector.pipeline.Admission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, append-only write-ahead log of one signal's records in segment files under one
 * directory (layout in {@link SpoolFormat}), read back in order by one reader and committed (in any
 * order) by the writers; the persisted cursor advances over the contiguous committed prefix and
 * fully committed segments are deleted. Appends are acknowledged per the {@link FsyncPolicy}; with
 * {@link FsyncPolicy#ALWAYS} one syncer thread fsyncs for all appends waiting (group commit).
 */
public final class Spool implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(Spool.class);

  private final Path directory;
  private final long maxBytes;
  private final long segmentBytes;
  private final FsyncPolicy fsync;
  private final Duration fsyncInterval;
  private final String spoolId;
  private final long replayEnd;
  private final int truncatedOnOpen;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appended = lock.newCondition();
  private final Condition synced = lock.newCondition();
  private final TreeMap<Long, SpoolSegment> segments = new TreeMap<>();
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private SpoolSegment current;
  private FileChannel currentChannel;
  private long nextSeq;
  private long durableSeq;
  private long totalBytes;
  private long pendingItems;
  private boolean closed;

  private final SpoolCommits commits;

  private final SpoolReader reader;
  private final Thread syncer;
  // Acknowledging runs the receivers' continuations (responses, span consumers): on its own
  // thread, so the syncer can start the next fsync at once.
  private final ExecutorService acknowledger;
  private final AtomicLong syncs = new AtomicLong();

  private record Waiter(long seq, CompletableFuture<Admission> future) {}

  private Spool(Path directory, SpoolOptions options) throws IOException {
    this.directory = directory;
    this.maxBytes = options.maxBytes();
    this.segmentBytes = options.segmentBytes();
    this.fsync = options.fsync();
    this.fsyncInterval = options.fsyncInterval();
    Files.createDirectories(directory);
    SpoolCursor cursor = SpoolCursor.open(directory.resolve("cursor"));
    long saved = cursor.read().orElse(-1);
    SpoolRecovery.Result recovered = SpoolRecovery.recover(directory, Math.max(saved, 0));
    this.truncatedOnOpen = recovered.truncated();
    for (SpoolSegment segment : recovered.segments()) {
      segments.put(segment.firstSeq, segment);
      totalBytes += segment.bytes;
    }
    // Sequence numbers restart when nothing is left to replay (and no cursor says where they
    // were): a new identity then keeps every token unique, so none is taken for already stored.
    this.spoolId = SpoolId.readOrCreate(directory.resolve("spool-id"), segments.isEmpty());
    SpoolSegment last = segments.isEmpty() ? null : segments.lastEntry().getValue();
    nextSeq = last == null ? Math.max(saved, 0) : last.endSeq();
    if (saved < 0) {
      // No readable cursor: replay all that is left (stored parts are skipped by token).
      saved = segments.isEmpty() ? nextSeq : segments.firstKey();
      if (!segments.isEmpty()) {
        logger.warn("Spool {}: no valid cursor; replaying from sequence {}", directory, saved);
      }
    }
    this.commits = new SpoolCommits(cursor, Math.min(saved, nextSeq));
    this.pendingItems = recovered.pendingItems();
    this.replayEnd = nextSeq;
    this.durableSeq = nextSeq;
    if (last != null && last.records == 0) {
      // Created just before a crash: the new segment takes its name.
      segments.remove(last.firstSeq);
      totalBytes -= last.bytes;
      Files.delete(last.path);
    }
    deleteCommittedSegments();
    startSegment();
    this.reader = new SpoolReader(this, commits.committed());
    this.acknowledger =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform()
                .name("meerkat-spool-ack-" + directory.getFileName())
                .daemon(true)
                .factory());
    this.syncer =
        Thread.ofPlatform()
            .name("meerkat-spool-sync-" + directory.getFileName())
            .daemon(true)
            .start(fsync == FsyncPolicy.ALWAYS ? this::syncOnDemand : this::syncPeriodically);
    if (replayEnd > commits.committed()) {
      logger.info(
          "Spool {}: {} records ({} items, {} bytes) left by an earlier run will be replayed",
          directory,
          replayEnd - commits.committed(),
          pendingItems,
          totalBytes);
    }
  }

  /** Opens (creating or recovering) the spool in {@code directory}. */
  public static Spool open(Path directory, SpoolOptions options) {
    try {
      return new Spool(directory, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spool " + directory, e);
    }
  }

  /**
   * Appends one record of {@code items} items. The future says ACCEPTED once the record is durable
   * per the fsync policy; RETRY_LATER when the spool is full or closing (nothing was written);
   * TOO_LARGE when the record alone exceeds the spool's bound.
   */
  public CompletableFuture<Admission> append(byte[] payload, int length, int items) {
    return append(payload, length, items, null);
  }

  /**
   * As {@link #append(byte[], int, int)}; {@code onSeq}, when not null, is told the record's
   * sequence number while the spool's lock is held (before the reader can see the record).
   */
  public CompletableFuture<Admission> append(
      byte[] payload, int length, int items, LongConsumer onSeq) {
    long recordBytes = SpoolFormat.RECORD_HEADER_BYTES + (long) length;
    if (recordBytes + SpoolFormat.SEGMENT_HEADER_BYTES > maxBytes) {
      return CompletableFuture.completedFuture(Admission.TOO_LARGE);
    }
    long millis = System.currentTimeMillis();
    ByteBuffer header = ByteBuffer.allocate(SpoolFormat.RECORD_HEADER_BYTES);
    header.putInt(length);
    header.putInt(SpoolFormat.checksum(millis, items, payload, 0, length));
    header.putLong(millis).putInt(items).flip();
    ByteBuffer body = ByteBuffer.wrap(payload, 0, length);
    List<Waiter> rolled = new ArrayList<>();
    CompletableFuture<Admission> result;
    lock.lock();
    try {
      result = appendLocked(header, body, recordBytes, items, rolled, onSeq);
    } finally {
      lock.unlock();
    }
    accept(rolled);
    return result;
  }

  private CompletableFuture<Admission> appendLocked(
      ByteBuffer header,
      ByteBuffer body,
      long recordBytes,
      int items,
      List<Waiter> rolled,
      LongConsumer onSeq) {
    boolean roll = current.bytes >= segmentBytes;
    long needed = recordBytes + (roll ? SpoolFormat.SEGMENT_HEADER_BYTES : 0);
    if (closed || totalBytes + needed > maxBytes) {
      return CompletableFuture.completedFuture(Admission.RETRY_LATER);
    }
    try {
      if (roll) {
        rolled.addAll(rollSegment());
      }
      ByteBuffer[] record = {header, body};
      while (body.hasRemaining()) {
        currentChannel.write(record);
      }
    } catch (IOException e) {
      // Disk full, for example: cut off the half-written record and refuse; later appends retry.
      logger.error("Spool {}: append failed: {}", directory, e.getMessage(), e);
      discardPartialRecord();
      return CompletableFuture.completedFuture(Admission.RETRY_LATER);
    }
    long seq = nextSeq++;
    if (onSeq != null) {
      onSeq.accept(seq);
    }
    current.bytes += recordBytes;
    current.records++;
    totalBytes += recordBytes;
    pendingItems += items;
    if (fsync == FsyncPolicy.INTERVAL) {
      appended.signalAll();
      return CompletableFuture.completedFuture(Admission.ACCEPTED);
    }
    CompletableFuture<Admission> future = new CompletableFuture<>();
    waiters.add(new Waiter(seq, future));
    synced.signalAll();
    return future;
  }

  // Outside the lock: completing runs the receivers' continuations.
  private static void accept(List<Waiter> durable) {
    for (int i = 0; i < durable.size(); i++) {
      durable.get(i).future().complete(Admission.ACCEPTED);
    }
  }

  /** The reader of this spool (one consumer thread). */
  public SpoolReader reader() {
    return reader;
  }

  /** A token unique to the record {@code seq} of this spool directory, for exactly-once inserts. */
  public String token(long seq) {
    return spoolId + "-" + seq;
  }

  /**
   * Marks records {@code [fromSeq, toSeq)} (holding {@code items} items) as stored. Advances and
   * fsyncs the cursor over the contiguous committed prefix and deletes fully committed segments.
   */
  public void commit(long fromSeq, long toSeq, long items) {
    lock.lock();
    try {
      pendingItems -= items;
    } finally {
      lock.unlock();
    }
    try {
      if (commits.add(fromSeq, toSeq)) {
        deleteCommittedSegments();
      }
    } catch (IOException e) {
      // The stored records are replayed after a restart and skipped by token: no loss, no double.
      logger.error("Spool {}: cannot persist the cursor: {}", directory, e.getMessage(), e);
    }
  }

  public SpoolStats stats() {
    lock.lock();
    try {
      return new SpoolStats(
          totalBytes, segments.size(), pendingItems, nextSeq - commits.committed());
    } finally {
      lock.unlock();
    }
  }

  /** fsyncs made by the syncer so far (one may cover many appends). */
  public long syncs() {
    return syncs.get();
  }

  /** Torn or corrupt tails truncated when this spool was opened. */
  public int truncatedOnOpen() {
    return truncatedOnOpen;
  }

  public Path directory() {
    return directory;
  }

  /**
   * Refuses further appends; what was appended is still fsynced and readable, and the reader
   * reports {@link SpoolReader#drained()} once it has read it all.
   */
  public void stopAppending() {
    lock.lock();
    try {
      closed = true;
      synced.signalAll();
      appended.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Stops appends, fsyncs what was appended and closes the files. Stop the reader first. */
  @Override
  public void close() {
    stopAppending();
    try {
      syncer.join();
      acknowledger.shutdown();
      acknowledger.awaitTermination(30, TimeUnit.SECONDS);
      lock.lock();
      try {
        currentChannel.force(false);
        currentChannel.close();
      } finally {
        lock.unlock();
      }
      reader.close();
      commits.close();
    } catch (IOException e) {
      logger.error("Spool {}: close failed: {}", directory, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- for the reader (same package) ---

  /** Waits until record {@code seq} may be read; false on timeout or when closed and drained. */
  boolean awaitReadable(long seq, long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long remaining = timeoutNanos;
      while (seq >= readableSeq()) {
        if ((closed && seq >= nextSeq) || remaining <= 0) {
          return false;
        }
        remaining = appended.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the spool is closed and {@code seq} is past everything appended. */
  boolean drainedAt(long seq) {
    lock.lock();
    try {
      return closed && seq >= nextSeq;
    } finally {
      lock.unlock();
    }
  }

  /** The segment holding {@code seq}, or the first after it when {@code seq} fell in a gap. */
  SpoolSegment segmentFor(long seq) {
    lock.lock();
    try {
      var floor = segments.floorEntry(seq);
      if (floor != null && seq < floor.getValue().endSeq()) {
        return floor.getValue();
      }
      var higher = segments.higherEntry(seq);
      return higher == null ? null : higher.getValue();
    } finally {
      lock.unlock();
    }
  }

  boolean isReplay(long seq) {
    return seq < replayEnd;
  }

  // --- internals ---

  private long readableSeq() {
    return fsync == FsyncPolicy.ALWAYS ? durableSeq : nextSeq;
  }

  private void startSegment() throws IOException {
    Path path = directory.resolve(SpoolFormat.segmentName(nextSeq));
    FileChannel channel =
        FileChannel.open(
            path,
            // An earlier attempt that failed half-way (disk full) may have left the file.
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    ByteBuffer header = SpoolFormat.segmentHeader(nextSeq);
    while (header.hasRemaining()) {
      channel.write(header);
    }
    channel.force(true);
    forceDirectory();
    current = new SpoolSegment(nextSeq, path, SpoolFormat.SEGMENT_HEADER_BYTES, 0);
    currentChannel = channel;
    segments.put(current.firstSeq, current);
    totalBytes += current.bytes;
  }

  // A new file's name is durable only once its directory is fsynced (Linux; elsewhere a no-op).
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Not supported on this platform or file system: the file's own fsync is all we can do.
    }
  }

  // Under lock. The old segment is forced before the new one starts, so everything in it is
  // durable, and the syncer (which may still hold the old channel) treats its closing as synced.
  private List<Waiter> rollSegment() throws IOException {
    FileChannel old = currentChannel;
    old.force(false);
    List<Waiter> durable = markDurable(nextSeq);
    startSegment(); // when this fails (disk full) the old segment stays current
    old.close();
    return durable;
  }

  // Under lock, after a failed append: the segment ends at its last complete record again.
  private void discardPartialRecord() {
    try {
      currentChannel.truncate(current.bytes);
      currentChannel.position(current.bytes);
    } catch (IOException e) {
      // The reader never reads past the last complete record, and recovery truncates the rest.
      logger.error("Spool {}: cannot truncate {}: {}", directory, current.path, e.getMessage(), e);
    }
  }

  private void deleteCommittedSegments() {
    List<SpoolSegment> deletable = new ArrayList<>();
    lock.lock();
    try {
      while (!segments.isEmpty()) {
        SpoolSegment first = segments.firstEntry().getValue();
        if (first == current || first.endSeq() > commits.committed()) {
          break;
        }
        segments.pollFirstEntry();
        totalBytes -= first.bytes;
        deletable.add(first);
      }
    } finally {
      lock.unlock();
    }
    for (SpoolSegment segment : deletable) {
      try {
        Files.deleteIfExists(segment.path);
      } catch (IOException e) {
        logger.warn("Spool {}: cannot delete {}: {}", directory, segment.path, e.getMessage());
      }
    }
  }

  // Under lock: records before seq are on disk; acknowledge their appends, wake the reader.
  private List<Waiter> markDurable(long seq) {
    durableSeq = Math.max(durableSeq, seq);
    appended.signalAll();
    List<Waiter> done = new ArrayList<>();
    while (!waiters.isEmpty() && waiters.peekFirst().seq() < durableSeq) {
      done.add(waiters.pollFirst());
    }
    return done;
  }

  private void syncOnDemand() {
    while (true) {
      long target;
      FileChannel channel;
      lock.lock();
      try {
        while (durableSeq >= nextSeq && !closed) {
          synced.awaitUninterruptibly();
        }
        if (durableSeq >= nextSeq) {
          return;
        }
        target = nextSeq;
        channel = currentChannel;
      } finally {
        lock.unlock();
      }
      boolean ok = true;
      try {
        channel.force(false);
        syncs.incrementAndGet();
      } catch (ClosedChannelException e) {
        // Rolled meanwhile: the roll forced it.
      } catch (IOException e) {
        ok = false;
        logger.error("Spool {}: fsync failed: {}", directory, e.getMessage(), e);
      }
      List<Waiter> durable = List.of();
      lock.lock();
      try {
        if (ok) {
          durable = markDurable(target);
        } else {
          // Not known to be durable: refuse (the records may still be sent; the sender retries).
          while (!waiters.isEmpty() && waiters.peekFirst().seq() < target) {
            waiters.pollFirst().future().complete(Admission.RETRY_LATER);
          }
          durableSeq = Math.max(durableSeq, target);
          appended.signalAll();
        }
      } finally {
        lock.unlock();
      }
      if (!durable.isEmpty()) {
        List<Waiter> acknowledged = durable;
        acknowledger.execute(() -> accept(acknowledged));
      }
    }
  }

  private void syncPeriodically() {
    while (true) {
      FileChannel channel;
      lock.lock();
      try {
        if (closed) {
          return;
        }
        synced.awaitNanos(fsyncInterval.toNanos());
        channel = currentChannel;
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      try {
        channel.force(false);
        syncs.incrementAndGet();
      } catch (ClosedChannelException e) {
        // Rolled meanwhile: the roll forced it.
      } catch (IOException e) {
        logger.error("Spool {}: fsync failed: {}", directory, e.getMessage(), e);
      }
    }
  }
}
