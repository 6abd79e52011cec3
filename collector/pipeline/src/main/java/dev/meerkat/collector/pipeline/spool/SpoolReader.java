package dev.meerkat.collector.pipeline.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a spool's records in sequence order, from its commit cursor on. One thread only. Records
 * become readable once durable (or, with {@link FsyncPolicy#INTERVAL}, once written). A record that
 * fails its checksum here (disk corruption) is logged, counted, and the rest of its segment is
 * skipped and committed, so corruption never blocks the spool.
 */
public final class SpoolReader implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(SpoolReader.class);

  private final Spool spool;
  private final ByteBuffer header = ByteBuffer.allocate(SpoolFormat.RECORD_HEADER_BYTES);
  private final AtomicLong corruptRecords = new AtomicLong();
  private long seq;
  private SpoolSegment segment;
  private FileChannel channel;
  private long position;

  SpoolReader(Spool spool, long startSeq) {
    this.spool = spool;
    this.seq = startSeq;
  }

  /**
   * The next record, waiting up to {@code timeoutNanos}; null when none came in time (or the spool
   * is closed and everything was read: see {@link #drained()}).
   */
  public SpoolEntry next(long timeoutNanos) throws InterruptedException, IOException {
    while (true) {
      if (!spool.awaitReadable(seq, timeoutNanos)) {
        return null;
      }
      SpoolSegment holder = spool.segmentFor(seq);
      if (holder == null) {
        return null;
      }
      if (holder.firstSeq > seq) {
        // A gap left by a deleted corrupt segment: nothing to send there.
        spool.commit(seq, holder.firstSeq, 0);
        seq = holder.firstSeq;
      }
      if (holder != segment) {
        open(holder);
      }
      SpoolEntry entry = readRecord();
      if (entry != null) {
        seq++;
        return entry;
      }
      long end = holder.endSeq();
      corruptRecords.incrementAndGet();
      logger.error(
          "Spool segment {}: record {} is corrupt; skipping records {} to {}",
          holder.path,
          seq,
          seq,
          end - 1);
      spool.commit(seq, end, 0);
      seq = end;
    }
  }

  /** Whether the spool is closed and every record was read. */
  public boolean drained() {
    return spool.drainedAt(seq);
  }

  /** Records found corrupt while reading. */
  public long corruptRecords() {
    return corruptRecords.get();
  }

  private void open(SpoolSegment holder) throws IOException {
    close();
    channel = FileChannel.open(holder.path, StandardOpenOption.READ);
    segment = holder;
    position = SpoolFormat.SEGMENT_HEADER_BYTES;
    // Starting mid-segment (the cursor after a restart): skip the committed records.
    for (long skip = holder.firstSeq; skip < seq; skip++) {
      header.clear();
      SpoolRecovery.readFully(channel, header, position);
      position += SpoolFormat.RECORD_HEADER_BYTES + header.getInt(0);
    }
  }

  private SpoolEntry readRecord() throws IOException {
    header.clear();
    SpoolRecovery.readFully(channel, header, position);
    int length = header.getInt(0);
    if (header.hasRemaining() || length < 0) {
      return null;
    }
    byte[] payload = new byte[length];
    ByteBuffer body = ByteBuffer.wrap(payload);
    SpoolRecovery.readFully(channel, body, position + SpoolFormat.RECORD_HEADER_BYTES);
    long millis = header.getLong(8);
    int items = header.getInt(16);
    if (body.hasRemaining()
        || SpoolFormat.checksum(millis, items, payload, 0, length) != header.getInt(4)) {
      return null;
    }
    position += SpoolFormat.RECORD_HEADER_BYTES + length;
    return new SpoolEntry(seq, millis, items, payload, spool.isReplay(seq));
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
      segment = null;
    }
  }
}
