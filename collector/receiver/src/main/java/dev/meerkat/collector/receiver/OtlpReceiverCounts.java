package dev.meerkat.collector.receiver;

import java.util.concurrent.atomic.AtomicLong;

/** What one OTLP receiver (one signal over one protocol) saw, in items and requests. */
public final class OtlpReceiverCounts {

  final AtomicLong received = new AtomicLong();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong badRequests = new AtomicLong();

  /** Items decoded from well-formed requests. */
  public long received() {
    return received.get();
  }

  /** Items the pipeline took. */
  public long accepted() {
    return accepted.get();
  }

  /** Items rejected as invalid (for example a span without ids), reported as partial success. */
  public long rejected() {
    return rejected.get();
  }

  /** Items the pipeline did not take: full (retryable) or a request too large to ever fit. */
  public long refused() {
    return refused.get();
  }

  /** Requests refused before mapping: undecodable, too large a body, unsupported type. */
  public long badRequests() {
    return badRequests.get();
  }
}
