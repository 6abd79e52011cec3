package dev.meerkat.collector.receiver;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.Status;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;

/**
 * The answers an OTLP/HTTP receiver gives, per the OTLP/HTTP specification ("Failures"): 200 with
 * the export response (possibly a partial success); 400/413/415 for requests that must not be
 * retried and 503 with {@code Retry-After} for those that may, each with a {@code
 * google.rpc.Status} body saying why, in the request's encoding.
 */
final class OtlpHttpResponses {

  // Seconds; the OTLP exporters back off exponentially from here.
  private static final String RETRY_AFTER_SECONDS = "1";

  private OtlpHttpResponses() {}

  static HttpResponse of(OtlpOutcome outcome, OtlpHttpEncoding encoding) {
    return switch (outcome.kind()) {
      case SUCCESS -> success(outcome.response(), encoding);
      case RETRY_LATER -> retryLater(outcome.message(), encoding);
      case TOO_LARGE -> failure(413, encoding, outcome.message());
    };
  }

  static HttpResponse success(Message response, OtlpHttpEncoding encoding) {
    return HttpResponse.of(HttpStatus.OK, encoding.mediaType, encoding.encode(response));
  }

  /** A permanent failure: the sender must not retry the same request. */
  static HttpResponse failure(int status, OtlpHttpEncoding encoding, String message) {
    Code code = status == 413 ? Code.RESOURCE_EXHAUSTED : Code.INVALID_ARGUMENT;
    return HttpResponse.of(
        HttpStatus.valueOf(status), encoding.mediaType, encoding.encode(status(code, message)));
  }

  /** The pipeline cannot take the request now: retryable, with a hint when to come back. */
  static HttpResponse retryLater(String message, OtlpHttpEncoding encoding) {
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.SERVICE_UNAVAILABLE)
            .contentType(encoding.mediaType)
            .add(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .build(),
        HttpData.wrap(encoding.encode(status(Code.UNAVAILABLE, message))));
  }

  private static Status status(Code code, String message) {
    return Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
  }
}
