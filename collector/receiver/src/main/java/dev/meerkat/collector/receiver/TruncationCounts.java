package dev.meerkat.collector.receiver;

import java.util.Arrays;

/**
 * Truncations counted while one request is decoded, added to the {@link IngestLimiter} only once
 * the whole request decoded (a request refused as malformed truncated nothing) and only for spans
 * that were kept (a rejected span's attributes are not stored, so not truncated either).
 */
final class TruncationCounts {

  private static final Truncation[] KINDS = Truncation.values();

  private final int[] request = new int[KINDS.length];
  private final int[] pending = new int[KINDS.length];

  void add(Truncation what, int items) {
    pending[what.ordinal()] += items;
  }

  /** Adds what {@link #add} saw since the last keep or drop to the request's totals. */
  void keepPending() {
    for (int i = 0; i < pending.length; i++) {
      request[i] += pending[i];
      pending[i] = 0;
    }
  }

  /** Forgets what {@link #add} saw since the last keep or drop (a rejected span's). */
  void dropPending() {
    Arrays.fill(pending, 0);
  }

  void clear() {
    Arrays.fill(request, 0);
    Arrays.fill(pending, 0);
  }

  void addTo(IngestLimiter limiter) {
    for (int i = 0; i < request.length; i++) {
      limiter.count(KINDS[i], request[i]);
    }
  }
}
