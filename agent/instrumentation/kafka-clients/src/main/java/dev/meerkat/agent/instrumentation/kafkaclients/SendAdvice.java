package dev.meerkat.agent.instrumentation.kafkaclients;

import dev.meerkat.agent.bootstrap.kafkaclients.KafkaBridge;
import dev.meerkat.agent.bootstrap.kafkaclients.KafkaHook;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Inlined into {@code KafkaProducer.send(ProducerRecord, Callback)}: starts the PRODUCER span,
 * writes the trace headers into the record and swaps in a callback that ends the span on the
 * broker's acknowledgement. A send that throws ends its span at once.
 */
final class SendAdvice {
  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.FieldValue("clientId") String clientId,
      @Advice.Argument(0) ProducerRecord<?, ?> record,
      @Advice.Argument(value = 1, readOnly = false) Callback callback) {
    KafkaHook hook = KafkaBridge.hook;
    if (hook == null || record == null) {
      return null;
    }
    Object call = hook.startSend(record.topic(), record.key(), record.partition(), clientId);
    if (call == null) {
      return null;
    }
    String[] headers = hook.headers(call);
    try {
      Headers recordHeaders = record.headers();
      for (int i = 0; i + 1 < headers.length; i += 2) {
        // A record sent again carries the previous send's context: replace it.
        recordHeaders.remove(headers[i]);
        recordHeaders.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
      }
    } catch (IllegalStateException readOnly) {
      // The headers of a record already sent are read-only: it goes without trace context.
    }
    callback = (Callback) hook.callback(call, callback, Callback.class);
    return call;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable error) {
    KafkaHook hook = KafkaBridge.hook;
    if (call != null && error != null && hook != null) {
      hook.endSend(call, error);
    }
  }
}
