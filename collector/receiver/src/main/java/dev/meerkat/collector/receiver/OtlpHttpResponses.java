package dev.meerkat.collector.receiver;

import com.google.protobuf.MessageLite;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;

/** The answers an OTLP/HTTP receiver gives, per the OTLP/HTTP specification's status mapping. */
final class OtlpHttpResponses {

  private OtlpHttpResponses() {}

  static HttpResponse success(MessageLite response) {
    return HttpResponse.of(HttpStatus.OK, MediaType.X_PROTOBUF, response.toByteArray());
  }

  /** A permanent failure: the sender must not retry the same request. */
  static HttpResponse rejected(int status, String message) {
    return HttpResponse.of(HttpStatus.valueOf(status), MediaType.PLAIN_TEXT_UTF_8, message + "\n");
  }

  /** More items in one request than the pipeline can ever hold: permanent, retrying cannot help. */
  static HttpResponse tooLarge(String signal, int items, int capacity) {
    return rejected(
        413,
        "request holds "
            + items
            + " "
            + signal
            + ", more than the collector can ever queue at once ("
            + capacity
            + "); split it into smaller requests (OTLP exporters: a smaller batch size)");
  }

  /** The queue is full: a retryable failure, with a hint when to come back. */
  static HttpResponse busy(String signal) {
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.SERVICE_UNAVAILABLE)
            .contentType(MediaType.PLAIN_TEXT_UTF_8)
            .add(HttpHeaderNames.RETRY_AFTER, "1")
            .build(),
        com.linecorp.armeria.common.HttpData.ofUtf8(
            "collector queue is full; " + signal + " were not accepted, retry later\n"));
  }
}
