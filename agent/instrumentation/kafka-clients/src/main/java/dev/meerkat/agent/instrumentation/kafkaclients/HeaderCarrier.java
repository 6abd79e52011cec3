package dev.meerkat.agent.instrumentation.kafkaclients;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.List;

/** Collects the propagator's headers as name/value pairs for the send advice to write. */
final class HeaderCarrier {
  private static final TextMapSetter<List<String>> SETTER =
      new TextMapSetter<List<String>>() {
        @Override
        public void set(List<String> carrier, String key, String value) {
          if (carrier != null) {
            carrier.add(key);
            carrier.add(value);
          }
        }
      };

  private HeaderCarrier() {}

  static String[] inject(TextMapPropagator propagator, Context context) {
    List<String> pairs = new ArrayList<>(4);
    propagator.inject(context, pairs, SETTER);
    return pairs.toArray(new String[0]);
  }
}
