package dev.meerkat.agent.bootstrap.kafkaclients;

/**
 * Traces Kafka clients. Parameters are JDK types or Kafka objects passed as {@code Object}: this
 * interface lives in the bootstrap class loader, which cannot see Kafka.
 */
public interface KafkaHook {
  /**
   * Starts the PRODUCER span of one {@code KafkaProducer.send}; returns the call state, or null
   * when not traced. {@code partition} is the record's explicit partition, or null.
   */
  Object startSend(String topic, Object key, Integer partition, String clientId);

  /** The trace headers to add to the record, as name/value pairs: {@code [n0, v0, n1, v1...]}. */
  String[] headers(Object call);

  /**
   * The callback to hand to Kafka instead of the application's (which may be null): it ends the
   * span with the record's partition and offset, then calls the application's callback.
   */
  Object callback(Object call, Object callback, Class<?> callbackType);

  /** Ends the span of a send that threw (a second end of the same call does nothing). */
  void endSend(Object call, Throwable error);

  /** A KafkaConsumer was built with this group id and client id (either may be null). */
  void consumerCreated(Object consumer, String groupId, String clientId);

  /** {@code consumer.poll} returned these non-empty ConsumerRecords. */
  void polled(Object consumer, Object records);

  /**
   * The iterator to return from {@code ConsumerRecords.iterator()} instead of {@code iterator}: one
   * that opens a CONSUMER span per record taken and ends it when the next one is taken or the
   * iteration ends. Returns {@code iterator} itself for records that no traced poll returned.
   */
  Object iterator(Object records, Object iterator);

  /**
   * What to return from {@code ConsumerRecords.records(partition)} (a List) or {@code
   * records(topic)} (an Iterable) instead of {@code result}: the same records, whose iterator opens
   * a span per record as {@link #iterator} does.
   */
  Object records(Object records, Object result);
}
