package dev.meerkat.collector.receiver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decoded values of byte slices of one request buffer, so a string that repeats in a request (a
 * service name, an attribute key, a span name, a trace id, "GET") is decoded and allocated once. An
 * open-addressing table of fixed size, reused by one decoder from request to request and cleared in
 * between (its entries point into the request's buffer). When it is half full, or a slice is long,
 * values are simply not cached: memory stays bounded whatever a request holds.
 *
 * <p>Besides the text, an entry keeps a kind and 64 bits, so an attribute value's type and number,
 * or a key's {@link WellKnownKeys} number, need not be worked out again either.
 */
final class ByteSliceTable {

  /** Kind of an entry that is only text. */
  static final byte TEXT = 0;

  private static final int SLOTS = 1 << 12;
  private static final int MAX_ENTRIES = SLOTS / 2;

  /** Longer slices are rare repeats (statements, stack traces); hashing them costs more. */
  private static final int MAX_SLICE = 256;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final int[] offsets = new int[SLOTS];
  private final int[] lengths = new int[SLOTS];
  private final int[] hashes = new int[SLOTS];
  private final String[] texts = new String[SLOTS];
  private final String[] labels = new String[SLOTS];
  private final byte[] kinds = new byte[SLOTS];
  private final long[] bits = new long[SLOTS];
  private byte[] buffer;
  private int entries;
  private int lastHash;

  ByteSliceTable() {
    Arrays.fill(lengths, -1);
  }

  /** Empties the table for a request held in {@code buffer} ({@code null}: after the request). */
  void reset(byte[] buffer) {
    if (entries > 0) {
      Arrays.fill(lengths, -1);
      Arrays.fill(texts, null);
      Arrays.fill(labels, null);
      entries = 0;
    }
    this.buffer = buffer;
  }

  /**
   * The slot holding the slice of the request buffer, or {@code -1 - slot} for the free slot it
   * would go into, or {@link Integer#MIN_VALUE} when it is not cached.
   */
  int find(byte[] source, int offset, int length) {
    if (length > MAX_SLICE || source != buffer) {
      return Integer.MIN_VALUE;
    }
    int hash = hash(source, offset, length);
    lastHash = hash;
    int slot = hash & (SLOTS - 1);
    while (lengths[slot] >= 0) {
      if (hashes[slot] == hash
          && lengths[slot] == length
          && Arrays.equals(
              source, offset, offset + length, source, offsets[slot], offsets[slot] + length)) {
        return slot;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    return -1 - slot;
  }

  String text(int slot) {
    return texts[slot];
  }

  /** A second text of the entry: a cached attribute's key. */
  String label(int slot) {
    return labels[slot];
  }

  byte kind(int slot) {
    return kinds[slot];
  }

  long bits(int slot) {
    return bits[slot];
  }

  /**
   * Caches a decoded slice in the free slot that {@link #find}, called last for this slice,
   * returned (nothing for its other results).
   */
  void put(
      byte[] source,
      int offset,
      int length,
      int found,
      String text,
      byte kind,
      long value,
      String label) {
    if (found >= 0 || found == Integer.MIN_VALUE || entries >= MAX_ENTRIES) {
      return;
    }
    int slot = -1 - found;
    offsets[slot] = offset;
    lengths[slot] = length;
    hashes[slot] = lastHash;
    texts[slot] = text;
    labels[slot] = label;
    kinds[slot] = kind;
    bits[slot] = value;
    entries++;
  }

  // The length and the first and last eight bytes: O(1) per lookup. Repeats that differ elsewhere
  // only share a probe chain; equality is always checked on all bytes.
  private static int hash(byte[] source, int offset, int length) {
    long mixed;
    if (length >= Long.BYTES) {
      mixed =
          (long) LONGS.get(source, offset) * 0x9E3779B97F4A7C15L
              ^ (long) LONGS.get(source, offset + length - Long.BYTES);
    } else {
      mixed = 0;
      for (int i = offset, end = offset + length; i < end; i++) {
        mixed = mixed << 8 | (source[i] & 0xFF);
      }
    }
    mixed = (mixed ^ length) * 0xBF58476D1CE4E5B9L;
    return (int) (mixed ^ (mixed >>> 32));
  }
}
