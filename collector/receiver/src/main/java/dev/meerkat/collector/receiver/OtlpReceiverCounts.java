package dev.meerkat.collector.receiver;

import java.util.concurrent.atomic.AtomicLong;

/** What one OTLP receiver saw, in items (spans or points) and requests. */
public final class OtlpReceiverCounts {

  final AtomicLong received = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong badRequests = new AtomicLong();

  /** Items decoded from well-formed requests. */
  public long received() {
    return received.get();
  }

  /** Items rejected as invalid (for example a span without ids), reported as partial success. */
  public long rejected() {
    return rejected.get();
  }

  /** Items turned away with 503 because the pipeline queue was full. */
  public long refused() {
    return refused.get();
  }

  /** Requests answered 400/413/415. */
  public long badRequests() {
    return badRequests.get();
  }
}
