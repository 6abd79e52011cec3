package dev.meerkat.collector.receiver;

import java.util.function.LongSupplier;

/**
 * What every ingest request passes before it is read: the bearer token check (when tokens are
 * configured), then the collector's rate limit. One gate per protocol (its own counts and refusal
 * log), sharing the authenticator and the limiter.
 */
public final class IngestGate {

  /** What the gate decided; the protocol turns it into an answer. */
  record Decision(Kind kind, AuthFailure failure, long retryAfterSeconds) {
    enum Kind {
      ADMIT,
      UNAUTHENTICATED,
      RATE_LIMITED
    }

    private static final Decision ADMIT = new Decision(Kind.ADMIT, null, 0);

    String message() {
      return switch (kind) {
        case ADMIT -> "";
        case UNAUTHENTICATED -> failure.message();
        case RATE_LIMITED ->
            "the collector's ingest rate limit is reached: retry after " + retryAfterSeconds + " s";
      };
    }
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final IngestAuthenticator authenticator;
  private final IngestRateLimiter limiter;
  private final IngestGateCounts counts;
  private final IngestRefusalLog refusals;

  private IngestGate(
      IngestAuthenticator authenticator,
      IngestRateLimiter limiter,
      String protocol,
      LongSupplier nanoTime) {
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.counts = new IngestGateCounts(authenticator.names());
    this.refusals = new IngestRefusalLog(protocol, nanoTime);
  }

  /** A gate for {@code protocol} ("http", "grpc"), logging refusals on {@code nanoTime}'s clock. */
  public static IngestGate create(
      IngestAuthenticator authenticator,
      IngestRateLimiter limiter,
      String protocol,
      LongSupplier nanoTime) {
    return new IngestGate(authenticator, limiter, protocol, nanoTime);
  }

  public IngestGateCounts counts() {
    return counts;
  }

  /** True when the gate can refuse anything: tokens configured or a rate limit set. */
  public boolean enabled() {
    return authenticator.enabled() || limiter.enabled();
  }

  Decision admit(String authorization, String remoteAddress) {
    IngestAuthenticator.Result auth = authenticator.check(authorization);
    if (!auth.accepted()) {
      counts.countUnauthenticated(auth.failure());
      refusals.refused(auth.failure().label() + " bearer token", remoteAddress);
      return new Decision(Decision.Kind.UNAUTHENTICATED, auth.failure(), 0);
    }
    long waitNanos = limiter.tryAcquire();
    if (waitNanos > 0) {
      counts.countRateLimited();
      refusals.refused("rate limit", remoteAddress);
      long seconds = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
      return new Decision(Decision.Kind.RATE_LIMITED, null, seconds);
    }
    counts.countAccepted(auth.tokenIndex());
    return Decision.ADMIT;
  }
}
