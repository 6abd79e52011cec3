package dev.meerkat.collector.receiver;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused ingest requests at most once per interval, with the reason and the remote address
 * only (never a header or a token): a sender with a wrong token retries for ever, and a log line
 * per request would flood the log. The counters in /metrics hold the exact numbers.
 */
final class IngestRefusalLog {

  private static final Logger logger = LoggerFactory.getLogger(IngestRefusalLog.class);
  private static final long INTERVAL_NANOS = 10_000_000_000L;

  private final String protocol;
  private final LongSupplier nanoTime;
  private final AtomicLong nextLogAt;
  private final AtomicLong suppressed = new AtomicLong();

  IngestRefusalLog(String protocol, LongSupplier nanoTime) {
    this.protocol = protocol;
    this.nanoTime = nanoTime;
    this.nextLogAt = new AtomicLong(nanoTime.getAsLong());
  }

  void refused(String reason, String remoteAddress) {
    long now = nanoTime.getAsLong();
    long due = nextLogAt.get();
    if (now - due < 0 || !nextLogAt.compareAndSet(due, now + INTERVAL_NANOS)) {
      suppressed.incrementAndGet();
      return;
    }
    logger.warn(
        "Refused an OTLP/{} request from {}: {} ({} more refusals not logged since the last line;"
            + " see meerkat_collector_ingest_*_total in /metrics)",
        protocol,
        remoteAddress,
        reason,
        suppressed.getAndSet(0));
  }
}
