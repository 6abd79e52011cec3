package dev.meerkat.agent.bootstrap.kafkaclients;

/** Bootstrap-zone state of the kafka-clients instrumentation, read by its advice. */
public final class KafkaBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile KafkaHook hook;

  private KafkaBridge() {}
}
