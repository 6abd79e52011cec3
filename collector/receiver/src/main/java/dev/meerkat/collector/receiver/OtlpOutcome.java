package dev.meerkat.collector.receiver;

import com.google.protobuf.Message;

/**
 * What became of one export request, before a protocol turns it into an answer: success (with the
 * signal's response, which may carry a partial success), a retryable refusal, or a request that can
 * never fit.
 *
 * @param response the export response to send on success; null otherwise
 * @param message why the request was refused; empty on success
 */
record OtlpOutcome(Kind kind, Message response, String message) {

  enum Kind {
    SUCCESS,
    RETRY_LATER,
    TOO_LARGE
  }

  static OtlpOutcome success(Message response) {
    return new OtlpOutcome(Kind.SUCCESS, response, "");
  }

  static OtlpOutcome retryLater(String message) {
    return new OtlpOutcome(Kind.RETRY_LATER, null, message);
  }

  static OtlpOutcome tooLarge(String message) {
    return new OtlpOutcome(Kind.TOO_LARGE, null, message);
  }
}
