package dev.meerkat.agent.instrumentation.kafkaclients;

import dev.meerkat.agent.bootstrap.kafkaclients.KafkaBridge;
import dev.meerkat.agent.bootstrap.kafkaclients.KafkaHook;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** Inlined into the public {@code KafkaConsumer.poll}: remembers which consumer polled what. */
final class PollAdvice {
  private PollAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object consumer, @Advice.Return ConsumerRecords<?, ?> records) {
    KafkaHook hook = KafkaBridge.hook;
    if (hook != null && records != null && !records.isEmpty()) {
      hook.polled(consumer, records);
    }
  }
}
