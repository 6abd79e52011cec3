package dev.meerkat.store.write;

import java.util.List;
import java.util.Objects;

/**
 * One batch of items to store, made of parts (one part per spooled request), each with a stable
 * token that is stored with its rows. A writer stores a part's rows of one day in one atomic
 * insert, so after an attempt with an unknown outcome ({@link #mayBeStored()}), it can ask the
 * store which (token, day) units are already there and insert only the rest: a retried or replayed
 * batch never duplicates rows, however the batch was cut the first time.
 *
 * @param <T> the record type
 */
public final class WriteBatch<T> {

  private final List<T> items;
  private final String[] tokens;
  private final int[] ends;
  private final boolean mayBeStored;

  private WriteBatch(List<T> items, String[] tokens, int[] ends, boolean mayBeStored) {
    this.items = items;
    this.tokens = tokens;
    this.ends = ends;
    this.mayBeStored = mayBeStored;
  }

  /**
   * A batch of {@code items} cut into parts: part {@code p} holds the items from {@code ends[p -
   * 1]} (0 for the first) to {@code ends[p]} (exclusive) and carries {@code tokens[p]}.
   */
  public static <T> WriteBatch<T> of(
      List<T> items, String[] tokens, int[] ends, boolean mayBeStored) {
    Objects.requireNonNull(items, "items");
    if (tokens.length != ends.length
        || (ends.length == 0 ? !items.isEmpty() : ends[ends.length - 1] != items.size())) {
      throw new IllegalArgumentException("parts do not cover the items");
    }
    return new WriteBatch<>(items, tokens, ends, mayBeStored);
  }

  /** A batch of one part. */
  public static <T> WriteBatch<T> single(List<T> items, String token, boolean mayBeStored) {
    return of(items, new String[] {token}, new int[] {items.size()}, mayBeStored);
  }

  public List<T> items() {
    return items;
  }

  public int size() {
    return items.size();
  }

  public int partCount() {
    return tokens.length;
  }

  public String partToken(int part) {
    return tokens[part];
  }

  /** Index of the first item of {@code part}. */
  public int partStart(int part) {
    return part == 0 ? 0 : ends[part - 1];
  }

  /** Index after the last item of {@code part}. */
  public int partEnd(int part) {
    return ends[part];
  }

  /**
   * Whether an earlier attempt to store these items may have succeeded unseen (a timeout, a lost
   * connection, a process killed while sending): the writer must skip what is already stored.
   */
  public boolean mayBeStored() {
    return mayBeStored;
  }

  /** The same items marked as possibly stored, for the next attempt. */
  public WriteBatch<T> asMayBeStored() {
    return mayBeStored ? this : new WriteBatch<>(items, tokens, ends, true);
  }
}
