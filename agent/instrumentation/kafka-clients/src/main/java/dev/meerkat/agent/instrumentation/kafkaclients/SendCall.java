package dev.meerkat.agent.instrumentation.kafkaclients;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/** One traced send: its PRODUCER span, ended once (by the acknowledgement or by a throw). */
final class SendCall {
  private final KafkaTracer tracer;
  final Span span;

  /** The context the application sent in: its callback runs in it. */
  final Context parent;

  /** The context carrying the span: written into the record's headers. */
  final Context context;

  private final AtomicBoolean ended = new AtomicBoolean();

  SendCall(KafkaTracer tracer, Span span, Context parent, Context context) {
    this.tracer = tracer;
    this.span = span;
    this.parent = parent;
    this.context = context;
  }

  void end(Object metadata, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    tracer.acknowledged(this, metadata, error);
    if (error != null) {
      span.setStatus(StatusCode.ERROR, error.getMessage() == null ? "" : error.getMessage());
      span.setAttribute(MessagingAttributes.ERROR_TYPE, error.getClass().getName());
      span.recordException(error);
    }
    span.end();
  }
}
