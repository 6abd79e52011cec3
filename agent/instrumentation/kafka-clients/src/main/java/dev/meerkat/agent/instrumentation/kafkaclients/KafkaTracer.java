package dev.meerkat.agent.instrumentation.kafkaclients;

import dev.meerkat.agent.bootstrap.kafkaclients.KafkaHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link KafkaHook}. Kafka's classes live in the application's class loader, which this one
 * cannot see: records and acknowledgements are read through {@link KafkaReflection}, and the
 * producer callback is a {@code java.lang.reflect.Proxy} of Kafka's {@code Callback} interface.
 */
final class KafkaTracer implements KafkaHook {
  private final InstrumentationContext context;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final KafkaReflection reflection = new KafkaReflection();
  // Weak, identity-like keys (neither KafkaConsumer nor ConsumerRecords overrides equals): an
  // entry lives as long as the application holds the consumer or the polled records.
  private final Map<Object, ConsumerInfo> consumers = new WeakHashMap<>();
  private final Map<Object, ConsumerInfo> polls = new WeakHashMap<>();
  private final CallbackProxies callbacks = new CallbackProxies();

  KafkaTracer(InstrumentationContext context) {
    this.context = context;
    this.tracer = context.tracer();
    this.propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
  }

  @Override
  public Object startSend(String topic, Object key, Integer partition, String clientId) {
    if (!context.isActive()) {
      return null;
    }
    try {
      Context parent = Context.current();
      SpanBuilder builder =
          tracer
              .spanBuilder("send " + topic)
              .setSpanKind(SpanKind.PRODUCER)
              .setParent(parent)
              .setAttribute(MessagingAttributes.SYSTEM, "kafka")
              .setAttribute(MessagingAttributes.OPERATION_TYPE, "send")
              .setAttribute(MessagingAttributes.OPERATION_NAME, "send")
              .setAttribute(MessagingAttributes.DESTINATION_NAME, topic);
      if (clientId != null && !clientId.isEmpty()) {
        builder.setAttribute(MessagingAttributes.CLIENT_ID, clientId);
      }
      if (key instanceof String) {
        builder.setAttribute(MessagingAttributes.KAFKA_MESSAGE_KEY, (String) key);
      }
      if (partition != null) {
        builder.setAttribute(MessagingAttributes.PARTITION_ID, partition.toString());
      }
      Span span = builder.startSpan();
      return new SendCall(this, span, parent, parent.with(span));
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public String[] headers(Object call) {
    return HeaderCarrier.inject(propagator, ((SendCall) call).context);
  }

  @Override
  public Object callback(Object call, Object callback, Class<?> callbackType) {
    try {
      return callbacks.create(callbackType, new AcknowledgementHandler((SendCall) call, callback));
    } catch (RuntimeException | ReflectiveOperationException e) {
      context.fail(e);
      ((SendCall) call).end(null, null);
      return callback;
    }
  }

  @Override
  public void endSend(Object call, Throwable error) {
    ((SendCall) call).end(null, error);
  }

  /** Ends a send span with the acknowledged record's metadata (may be null) or the error. */
  void acknowledged(SendCall call, Object metadata, Throwable error) {
    try {
      if (metadata != null && error == null) {
        call.span.setAttribute(
            MessagingAttributes.PARTITION_ID,
            Integer.toString(reflection.acknowledgedPartition(metadata)));
        long offset = reflection.acknowledgedOffset(metadata);
        if (offset >= 0) {
          call.span.setAttribute(MessagingAttributes.KAFKA_OFFSET, offset);
        }
      }
    } catch (RuntimeException | ReflectiveOperationException e) {
      context.fail(e);
    }
  }

  @Override
  public void consumerCreated(Object consumer, String groupId, String clientId) {
    if (!context.isActive()) {
      return;
    }
    synchronized (consumers) {
      consumers.put(consumer, new ConsumerInfo(groupId, clientId));
    }
  }

  @Override
  public void polled(Object consumer, Object records) {
    if (!context.isActive()) {
      return;
    }
    ConsumerInfo info;
    synchronized (consumers) {
      info = consumers.get(consumer);
    }
    synchronized (polls) {
      polls.put(records, info != null ? info : ConsumerInfo.UNKNOWN);
    }
  }

  @Override
  public Object iterator(Object records, Object iterator) {
    if (!context.isActive()) {
      return iterator;
    }
    ConsumerInfo info;
    synchronized (polls) {
      info = polls.get(records);
    }
    return info == null ? iterator : new ProcessingIterator(this, (Iterator<?>) iterator, info);
  }

  @Override
  public Object records(Object records, Object result) {
    if (!context.isActive()) {
      return result;
    }
    ConsumerInfo info;
    synchronized (polls) {
      info = polls.get(records);
    }
    if (info == null) {
      return result;
    }
    if (result instanceof List) {
      return new ProcessingList(this, (List<?>) result, info);
    }
    return result instanceof Iterable
        ? new ProcessingIterable(this, (Iterable<?>) result, info)
        : result;
  }

  /** Starts the process span of one record, child of the context found in its headers. */
  Span startProcess(Object record, ConsumerInfo info, Context base) {
    try {
      String topic = reflection.topic(record);
      Context parent = propagator.extract(base, record, reflection.headerGetter());
      SpanBuilder builder =
          tracer
              .spanBuilder("process " + topic)
              .setSpanKind(SpanKind.CONSUMER)
              .setParent(parent)
              .setAttribute(MessagingAttributes.SYSTEM, "kafka")
              .setAttribute(MessagingAttributes.OPERATION_TYPE, "process")
              .setAttribute(MessagingAttributes.OPERATION_NAME, "process")
              .setAttribute(MessagingAttributes.DESTINATION_NAME, topic)
              .setAttribute(
                  MessagingAttributes.PARTITION_ID, Integer.toString(reflection.partition(record)))
              .setAttribute(MessagingAttributes.KAFKA_OFFSET, reflection.offset(record));
      Object key = reflection.key(record);
      if (key instanceof String) {
        builder.setAttribute(MessagingAttributes.KAFKA_MESSAGE_KEY, (String) key);
      }
      if (info.groupId != null && !info.groupId.isEmpty()) {
        builder.setAttribute(MessagingAttributes.CONSUMER_GROUP, info.groupId);
      }
      if (info.clientId != null && !info.clientId.isEmpty()) {
        builder.setAttribute(MessagingAttributes.CLIENT_ID, info.clientId);
      }
      return builder.startSpan();
    } catch (RuntimeException | ReflectiveOperationException e) {
      context.fail(e);
      return null;
    }
  }

  boolean isActive() {
    return context.isActive();
  }

  void fail(Throwable error) {
    context.fail(error);
  }
}
