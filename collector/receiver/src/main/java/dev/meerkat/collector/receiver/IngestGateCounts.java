package dev.meerkat.collector.receiver;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** What one protocol's {@link IngestGate} let in and turned away, in requests. */
public final class IngestGateCounts {

  private final AtomicLong[] unauthenticated = new AtomicLong[AuthFailure.values().length];
  private final AtomicLong rateLimited = new AtomicLong();
  private final List<String> tokenNames;
  private final AtomicLongArray acceptedByToken;

  IngestGateCounts(List<String> tokenNames) {
    for (int i = 0; i < unauthenticated.length; i++) {
      unauthenticated[i] = new AtomicLong();
    }
    this.tokenNames = tokenNames;
    this.acceptedByToken = new AtomicLongArray(tokenNames.size());
  }

  /** Requests refused with 401 / {@code UNAUTHENTICATED} for {@code reason}. */
  public long unauthenticated(AuthFailure reason) {
    return unauthenticated[reason.ordinal()].get();
  }

  /** Requests refused with 429 / {@code RESOURCE_EXHAUSTED} by the rate limit. */
  public long rateLimited() {
    return rateLimited.get();
  }

  /** The configured token names, in the order {@link #acceptedWithToken} takes. */
  public List<String> tokenNames() {
    return tokenNames;
  }

  /** Requests let through that carried the token at {@code index} of {@link #tokenNames()}. */
  public long acceptedWithToken(int index) {
    return acceptedByToken.get(index);
  }

  void countUnauthenticated(AuthFailure reason) {
    unauthenticated[reason.ordinal()].incrementAndGet();
  }

  void countRateLimited() {
    rateLimited.incrementAndGet();
  }

  void countAccepted(int tokenIndex) {
    if (tokenIndex >= 0) {
      acceptedByToken.incrementAndGet(tokenIndex);
    }
  }
}
