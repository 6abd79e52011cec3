package dev.meerkat.agent.instrumentation.kafkaclients;

import dev.meerkat.agent.bootstrap.kafkaclients.KafkaBridge;
import dev.meerkat.agent.bootstrap.kafkaclients.KafkaHook;
import java.util.Iterator;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ConsumerRecords.iterator()} (which for-each loops and {@code forEach} use):
 * returns the hook's iterator, which opens a process span per record taken.
 */
final class IteratorAdvice {
  private IteratorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.This Object records, @Advice.Return(readOnly = false) Iterator<?> iterator) {
    KafkaHook hook = KafkaBridge.hook;
    if (hook != null && iterator != null) {
      iterator = (Iterator<?>) hook.iterator(records, iterator);
    }
  }
}
