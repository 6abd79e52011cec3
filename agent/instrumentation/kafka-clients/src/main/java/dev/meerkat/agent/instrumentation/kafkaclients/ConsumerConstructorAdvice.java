package dev.meerkat.agent.instrumentation.kafkaclients;

import dev.meerkat.agent.bootstrap.kafkaclients.KafkaBridge;
import dev.meerkat.agent.bootstrap.kafkaclients.KafkaHook;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Inlined into {@code KafkaConsumer(ConsumerConfig, Deserializer, Deserializer)}. */
final class ConsumerConstructorAdvice {
  private ConsumerConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object consumer, @Advice.Argument(0) ConsumerConfig config) {
    KafkaHook hook = KafkaBridge.hook;
    if (hook != null) {
      hook.consumerCreated(
          consumer,
          config.getString(ConsumerConfig.GROUP_ID_CONFIG),
          config.getString(ConsumerConfig.CLIENT_ID_CONFIG));
    }
  }
}
