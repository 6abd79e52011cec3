package dev.meerkat.agent.instrumentation.kafkaclients;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Reads Kafka's {@code ConsumerRecord}, its headers and {@code RecordMetadata} from the agent's
 * class loader, which cannot link against Kafka. Methods are looked up once per class (an
 * application normally has one Kafka) and kept.
 */
final class KafkaReflection {
  private volatile RecordMethods recordMethods;
  private volatile MetadataMethods metadataMethods;
  private final TextMapGetter<Object> headerGetter = new HeaderGetter();

  String topic(Object record) throws ReflectiveOperationException {
    return (String) record(record).topic.invoke(record);
  }

  Object key(Object record) throws ReflectiveOperationException {
    return record(record).key.invoke(record);
  }

  int partition(Object record) throws ReflectiveOperationException {
    return (Integer) record(record).partition.invoke(record);
  }

  long offset(Object record) throws ReflectiveOperationException {
    return (Long) record(record).offset.invoke(record);
  }

  /** The partition of an acknowledged record, from its RecordMetadata. */
  int acknowledgedPartition(Object metadata) throws ReflectiveOperationException {
    return (Integer) metadata(metadata).partition.invoke(metadata);
  }

  /** The offset of an acknowledged record, from its RecordMetadata (-1 when unknown). */
  long acknowledgedOffset(Object metadata) throws ReflectiveOperationException {
    return (Long) metadata(metadata).offset.invoke(metadata);
  }

  /** Reads trace headers from a ConsumerRecord (the last header of a name wins). */
  TextMapGetter<Object> headerGetter() {
    return headerGetter;
  }

  private RecordMethods record(Object record) throws ReflectiveOperationException {
    RecordMethods methods = recordMethods;
    if (methods == null || methods.type != record.getClass()) {
      methods = new RecordMethods(record.getClass());
      recordMethods = methods;
    }
    return methods;
  }

  private MetadataMethods metadata(Object metadata) throws ReflectiveOperationException {
    MetadataMethods methods = metadataMethods;
    if (methods == null || methods.type != metadata.getClass()) {
      methods = new MetadataMethods(metadata.getClass());
      metadataMethods = methods;
    }
    return methods;
  }

  private final class HeaderGetter implements TextMapGetter<Object> {
    @Override
    public Iterable<String> keys(Object record) {
      return Collections.emptyList();
    }

    @Override
    public String get(Object record, String key) {
      if (record == null) {
        return null;
      }
      try {
        RecordMethods methods = record(record);
        Object header = methods.lastHeader.invoke(methods.headers.invoke(record), key);
        if (header == null) {
          return null;
        }
        byte[] value = (byte[]) methods.headerValue.invoke(header);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read Kafka record headers", e);
      }
    }
  }

  private static final class RecordMethods {
    final Class<?> type;
    final Method topic;
    final Method partition;
    final Method offset;
    final Method key;
    final Method headers;
    final Method lastHeader;
    final Method headerValue;

    RecordMethods(Class<?> type) throws ReflectiveOperationException {
      this.type = type;
      topic = type.getMethod("topic");
      partition = type.getMethod("partition");
      offset = type.getMethod("offset");
      key = type.getMethod("key");
      headers = type.getMethod("headers");
      ClassLoader loader = type.getClassLoader();
      lastHeader =
          Class.forName("org.apache.kafka.common.header.Headers", false, loader)
              .getMethod("lastHeader", String.class);
      headerValue =
          Class.forName("org.apache.kafka.common.header.Header", false, loader).getMethod("value");
    }
  }

  private static final class MetadataMethods {
    final Class<?> type;
    final Method partition;
    final Method offset;

    MetadataMethods(Class<?> type) throws ReflectiveOperationException {
      this.type = type;
      partition = type.getMethod("partition");
      offset = type.getMethod("offset");
    }
  }
}
