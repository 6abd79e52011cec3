package dev.meerkat.agent.instrumentation.kafkaclients;

import dev.meerkat.agent.bootstrap.kafkaclients.KafkaBridge;
import dev.meerkat.agent.bootstrap.kafkaclients.KafkaHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code ConsumerRecords.records(TopicPartition)} and {@code records(String)}: returns
 * the hook's view of the records, whose iteration opens a process span per record.
 */
final class RecordsAdvice {
  private RecordsAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.This Object records,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result) {
    KafkaHook hook = KafkaBridge.hook;
    if (hook != null && result != null) {
      result = hook.records(records, result);
    }
  }
}
