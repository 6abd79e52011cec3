package dev.meerkat.collector.pipeline;

/**
 * The pipeline's answer to the items of one request, which the receivers turn into an OTLP status.
 * All or nothing: a request's items are taken together or not at all.
 */
public enum Admission {
  /** All items were taken: the receiver answers success. */
  ACCEPTED,
  /** Nothing was taken because the pipeline is full or closing: a retryable refusal. */
  RETRY_LATER,
  /** Nothing was taken because the request holds more items than the pipeline can ever hold. */
  TOO_LARGE
}
