package dev.meerkat.agent.instrumentation.kafkaclients;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;

/**
 * The records of one partition ({@code ConsumerRecords.records(TopicPartition)}): iterating them
 * opens a process span per record (see {@link ProcessingIterator}); indexed access does not.
 */
final class ProcessingList extends AbstractList<Object> {
  private final KafkaTracer tracer;
  private final List<?> delegate;
  private final ConsumerInfo info;

  ProcessingList(KafkaTracer tracer, List<?> delegate, ConsumerInfo info) {
    this.tracer = tracer;
    this.delegate = delegate;
    this.info = info;
  }

  @Override
  public Object get(int index) {
    return delegate.get(index);
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public Iterator<Object> iterator() {
    return new ProcessingIterator(tracer, delegate.iterator(), info);
  }
}
