package dev.meerkat.agent.instrumentation.kafkaclients;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Iterator;

/**
 * Wraps the iterator of polled records: taking a record opens its process span and makes it
 * current, so whatever the application does with the record is its child; taking the next record,
 * or finding there is none, ends it. An iteration abandoned half-way leaves its last span open
 * until the iterator is used again (as in the OpenTelemetry agent).
 */
final class ProcessingIterator implements Iterator<Object> {
  private final KafkaTracer tracer;
  private final Iterator<?> delegate;
  private final ConsumerInfo info;
  private Span span;
  private Scope scope;

  ProcessingIterator(KafkaTracer tracer, Iterator<?> delegate, ConsumerInfo info) {
    this.tracer = tracer;
    this.delegate = delegate;
    this.info = info;
  }

  @Override
  public boolean hasNext() {
    boolean more = delegate.hasNext();
    if (!more) {
      finish();
    }
    return more;
  }

  @Override
  public Object next() {
    finish();
    Object record = delegate.next();
    if (tracer.isActive()) {
      Context current = Context.current();
      Span started = tracer.startProcess(record, info, current);
      if (started != null) {
        span = started;
        scope = current.with(started).makeCurrent();
      }
    }
    return record;
  }

  @Override
  public void remove() {
    delegate.remove();
  }

  private void finish() {
    if (scope != null) {
      scope.close();
      scope = null;
    }
    if (span != null) {
      span.end();
      span = null;
    }
  }
}
