package dev.meerkat.collector.pipeline.spool;

import java.io.IOException;
import java.util.TreeMap;

/**
 * The stored ranges of a spool: writers report them in any order; the committed position advances
 * over the contiguous prefix only, and is fsynced to the cursor file whenever it moves, so a
 * restart replays in order from the first record not known to be stored.
 */
final class SpoolCommits implements AutoCloseable {

  private final SpoolCursor cursor;
  private final TreeMap<Long, Long> stored = new TreeMap<>();
  private volatile long committed;

  SpoolCommits(SpoolCursor cursor, long committed) throws IOException {
    this.cursor = cursor;
    this.committed = committed;
    cursor.write(committed);
  }

  /** The sequence number of the first record not known to be stored. */
  long committed() {
    return committed;
  }

  /** Records {@code [fromSeq, toSeq)} are stored; true when the committed position moved. */
  synchronized boolean add(long fromSeq, long toSeq) throws IOException {
    stored.put(fromSeq, toSeq);
    long position = committed;
    Long end;
    while ((end = stored.remove(position)) != null) {
      position = end;
    }
    if (position == committed) {
      return false;
    }
    cursor.write(position);
    committed = position;
    return true;
  }

  @Override
  public void close() throws IOException {
    cursor.close();
  }
}
