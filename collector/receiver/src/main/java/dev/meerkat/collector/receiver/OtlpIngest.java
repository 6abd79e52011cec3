package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meerkat.collector.pipeline.Admission;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One signal's ingest, the same for every protocol: decode (or map a JSON-parsed) export request,
 * offer the items to the pipeline and say what became of them. A signal is one small subclass; each
 * protocol (OTLP/HTTP, OTLP/gRPC) hands over the request and turns the {@link OtlpOutcome} into its
 * answer.
 *
 * @param <R> the OTLP export request message
 * @param <T> the record the pipeline takes
 */
abstract class OtlpIngest<R extends Message, T> {

  /** The items of one request after mapping, and how many were invalid (partial success). */
  record Mapped<T>(List<T> items, int rejected, String firstRejection) {}

  /** The protobuf message name, for error messages. */
  abstract String messageName();

  /** What the items are called in answers and logs ("spans", "metric points"). */
  abstract String itemName();

  abstract R parse(byte[] protobuf) throws InvalidProtocolBufferException;

  /**
   * Decodes a binary protobuf request into the items (both OTLP/HTTP and OTLP/gRPC hand their raw
   * bytes here). By default through the generated message; a signal may read the bytes directly.
   */
  Mapped<T> decode(byte[] protobuf) throws InvalidProtocolBufferException {
    return map(parse(protobuf));
  }

  /** An empty builder of the request message, for the JSON parser. */
  abstract Message.Builder newRequestBuilder();

  abstract Mapped<T> map(R request);

  abstract CompletableFuture<Admission> offer(List<T> items);

  /** The most items the pipeline can ever take in one request. */
  abstract int capacity();

  /** The export response, with a partial success when {@code rejected > 0}. */
  abstract Message response(int rejected, String firstRejection);

  /** Offers and counts one decoded request; never completes exceptionally for a refusal. */
  final CompletableFuture<OtlpOutcome> export(Mapped<T> mapped, OtlpReceiverCounts counts) {
    int items = mapped.items().size();
    counts.received.addAndGet(items);
    counts.rejected.addAndGet(mapped.rejected());
    if (items == 0) {
      return CompletableFuture.completedFuture(
          OtlpOutcome.success(response(mapped.rejected(), mapped.firstRejection())));
    }
    return offer(mapped.items())
        .thenApply(
            admission ->
                switch (admission) {
                  case ACCEPTED -> {
                    counts.accepted.addAndGet(items);
                    yield OtlpOutcome.success(response(mapped.rejected(), mapped.firstRejection()));
                  }
                  case RETRY_LATER -> {
                    counts.refused.addAndGet(items);
                    yield OtlpOutcome.retryLater(
                        "collector queue is full; "
                            + itemName()
                            + " were not accepted, retry later");
                  }
                  case TOO_LARGE -> {
                    counts.refused.addAndGet(items);
                    yield OtlpOutcome.tooLarge(
                        "request holds "
                            + items
                            + " "
                            + itemName()
                            + ", more than the collector can ever queue at once ("
                            + capacity()
                            + "); split it into smaller requests (OTLP exporters: a smaller batch"
                            + " size)");
                  }
                });
  }
}
