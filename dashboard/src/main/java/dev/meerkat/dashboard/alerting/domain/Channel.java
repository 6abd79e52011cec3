package dev.meerkat.dashboard.alerting.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A stored notification channel.
 *
 * @param id stable id
 * @param name display name, unique by convention only
 * @param kind which notifier delivers to it
 * @param secrets the endpoint URL, routing key and HMAC secret: never shown after saving
 * @param template generic webhook body template ({@code {{placeholder}}}), empty for the default
 *     body
 * @param receiver Alertmanager {@code receiver} name, empty for the default
 * @param labels labels of the channel itself (e.g. {@code team}), shown in listings
 */
public record Channel(
    String id,
    String name,
    ChannelKind kind,
    ChannelSecrets secrets,
    String template,
    String receiver,
    Map<String, String> labels) {

  public Channel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(secrets, "secrets");
    template = template == null ? "" : template;
    receiver = receiver == null ? "" : receiver;
    labels = Map.copyOf(labels == null ? Map.of() : labels);
  }

  /** What listings show instead of the URL. */
  public String maskedEndpoint() {
    return Secrets.maskUrl(secrets.url());
  }

  /** Labels sorted, as {@code k=v, k=v}. */
  public String labelText() {
    return LabelMatchers.format(new TreeMap<>(labels));
  }

  /** Without any secret. */
  @Override
  public String toString() {
    return "Channel[id="
        + id
        + ", name="
        + name
        + ", kind="
        + kind
        + ", endpoint="
        + maskedEndpoint()
        + ", secrets="
        + secrets
        + "]";
  }
}
