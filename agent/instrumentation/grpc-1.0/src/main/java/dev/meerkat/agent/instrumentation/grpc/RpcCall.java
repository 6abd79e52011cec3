package dev.meerkat.agent.instrumentation.grpc;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/** One traced gRPC call: its span, its context, its end (once). */
final class RpcCall {
  private final Span span;
  private final Context context;
  private final DoubleHistogram duration;
  private final Attributes attributes;
  private final boolean server;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();

  RpcCall(
      Span span,
      Context context,
      DoubleHistogram duration,
      Attributes attributes,
      boolean server,
      long startNanos) {
    this.span = span;
    this.context = context;
    this.duration = duration;
    this.attributes = attributes;
    this.server = server;
    this.startNanos = startNanos;
  }

  Context context() {
    return context;
  }

  /**
   * Ends the call once. Any status but OK fails a client call; a server call fails only on the
   * codes that mean a server error (RPC semantic conventions for gRPC).
   */
  void end(int statusCode, Throwable cause) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    double millis = (System.nanoTime() - startNanos) / 1e6;
    span.setAttribute(RpcTelemetry.RPC_GRPC_STATUS_CODE, (long) statusCode);
    if (cause != null) {
      span.recordException(cause);
    }
    if (server ? isServerError(statusCode) : statusCode != 0) {
      span.setStatus(StatusCode.ERROR);
    }
    duration.record(
        millis,
        attributes.toBuilder().put(RpcTelemetry.RPC_GRPC_STATUS_CODE, (long) statusCode).build());
    span.end();
  }

  /** UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS. */
  static boolean isServerError(int statusCode) {
    switch (statusCode) {
      case 2:
      case 4:
      case 12:
      case 13:
      case 14:
      case 15:
        return true;
      default:
        return false;
    }
  }
}
