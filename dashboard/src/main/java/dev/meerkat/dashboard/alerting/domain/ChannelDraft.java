package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.notify.WebhookTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A channel as typed in the form, before validation. On an edit, an empty secret field keeps the
 * stored secret (the form never receives it back).
 */
public record ChannelDraft(
    String name,
    ChannelKind kind,
    String url,
    String routingKey,
    String hmacSecret,
    String template,
    String receiver,
    String labels) {

  /** Every problem, worded for the form; empty when the draft is valid. */
  public List<String> problems(boolean editing) {
    List<String> problems = new ArrayList<>();
    if (blank(name)) {
      problems.add("Name is required");
    }
    if (kind == null) {
      problems.add("Type is required");
      return problems;
    }
    boolean urlNeeded = kind != ChannelKind.PAGERDUTY && !editing;
    if (blank(url)) {
      if (urlNeeded) {
        problems.add("URL is required");
      }
    } else if (!httpUrl(url)) {
      problems.add("URL must be an http:// or https:// URL with a host");
    }
    if (kind == ChannelKind.PAGERDUTY && !(editing && blank(routingKey))) {
      String key = routingKey == null ? "" : routingKey.strip();
      if (!key.matches("[A-Za-z0-9]{32}")) {
        // Its length, never its value: the field holds a secret.
        problems.add(
            "Routing key must be 32 letters or digits (the Events API v2 integration key), has "
                + key.length()
                + " characters");
      }
    }
    if (kind == ChannelKind.WEBHOOK && !blank(template)) {
      try {
        WebhookTemplate.parse(template);
      } catch (IllegalArgumentException e) {
        problems.add("Template: " + e.getMessage());
      }
    }
    LabelMatchers.parse(labels, problems);
    return problems;
  }

  /** The channel to save; {@code previous} gives the secrets left empty on an edit. */
  public Channel toChannel(String id, ChannelSecrets previous) {
    ChannelSecrets secrets =
        new ChannelSecrets(
            keep(url, previous.url()),
            kind == ChannelKind.PAGERDUTY ? keep(routingKey, previous.routingKey()) : "",
            kind == ChannelKind.WEBHOOK ? keep(hmacSecret, previous.hmacSecret()) : "");
    Map<String, String> labelMap = LabelMatchers.parse(labels).required();
    return new Channel(
        id,
        name.strip(),
        kind,
        secrets,
        kind == ChannelKind.WEBHOOK ? template : "",
        kind == ChannelKind.ALERTMANAGER ? receiver.strip() : "",
        labelMap);
  }

  private static String keep(String typed, String stored) {
    return blank(typed) ? stored : typed.strip();
  }

  private static boolean httpUrl(String text) {
    try {
      URI uri = URI.create(text.strip());
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Holds secrets as typed. */
  @Override
  public String toString() {
    return "ChannelDraft[name=" + name + ", kind=" + kind + "]";
  }
}
