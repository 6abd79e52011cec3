package dev.meerkat.agent.instrumentation.kafkaclients;

/** The group and client id of a consumer, from its configuration (either may be null). */
final class ConsumerInfo {
  static final ConsumerInfo UNKNOWN = new ConsumerInfo(null, null);
  final String groupId;
  final String clientId;

  ConsumerInfo(String groupId, String clientId) {
    this.groupId = groupId;
    this.clientId = clientId;
  }
}
