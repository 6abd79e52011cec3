package dev.meerkat.collector.receiver;

/**
 * A bearer token senders present on ingest, under a name that appears in metrics and logs, so one
 * sender's token can be revoked (removed) without touching the others'.
 *
 * @param name shown in metrics and configuration errors; never secret
 * @param secret the token itself; never logged or printed
 */
public record IngestToken(String name, String secret) {

  @Override
  public String toString() {
    return "IngestToken[name=" + name + ", secret=***]";
  }
}
