package dev.meerkat.agent.instrumentation.kafkaclients;

import java.util.Iterator;

/** The records of one topic ({@code ConsumerRecords.records(String)}), traced when iterated. */
final class ProcessingIterable implements Iterable<Object> {
  private final KafkaTracer tracer;
  private final Iterable<?> delegate;
  private final ConsumerInfo info;

  ProcessingIterable(KafkaTracer tracer, Iterable<?> delegate, ConsumerInfo info) {
    this.tracer = tracer;
    this.delegate = delegate;
    this.info = info;
  }

  @Override
  public Iterator<Object> iterator() {
    return new ProcessingIterator(tracer, delegate.iterator(), info);
  }
}
