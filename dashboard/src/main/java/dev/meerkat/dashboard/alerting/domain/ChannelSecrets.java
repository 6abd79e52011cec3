package dev.meerkat.dashboard.alerting.domain;

/**
 * The secret part of a channel, stored apart from the rest ({@code channels.secret}) and never
 * shown, logged or printed after saving.
 *
 * @param url the endpoint; the whole URL counts as secret (Slack's path is a token, other receivers
 *     put tokens in the query)
 * @param routingKey PagerDuty Events v2 routing key, empty for other kinds
 * @param hmacSecret generic webhook signing secret, empty when requests are not signed
 */
public record ChannelSecrets(String url, String routingKey, String hmacSecret) {

  public ChannelSecrets {
    url = url == null ? "" : url.strip();
    routingKey = routingKey == null ? "" : routingKey.strip();
    hmacSecret = hmacSecret == null ? "" : hmacSecret;
  }

  /** Masked: a record's generated toString would print the secrets. */
  @Override
  public String toString() {
    return "ChannelSecrets[url="
        + Secrets.maskUrl(url)
        + ", routingKey="
        + Secrets.mask(routingKey)
        + ", hmacSecret="
        + Secrets.mask(hmacSecret)
        + "]";
  }
}
