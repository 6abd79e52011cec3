package dev.meerkat.dashboard.slo.domain;

import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a user enters to create an availability SLO; {@link #problems()} lists what is wrong.
 *
 * @param name display name
 * @param service service the SLO covers
 * @param objectivePercent target in percent, in (0, 100)
 * @param window SLO window
 * @param burnRateThreshold alert threshold, > 0
 * @param webhookUrl optional http(s) URL for alerts
 */
public record NewSlo(
    String name,
    String service,
    Double objectivePercent,
    SloWindow window,
    Double burnRateThreshold,
    String webhookUrl) {

  public static final double DEFAULT_BURN_RATE_THRESHOLD = 2.0;

  /** Validation messages by field, in form order; empty when the SLO can be created. */
  public Map<Field, String> problems() {
    Map<Field, String> problems = new EnumMap<>(Field.class);
    if (name == null || name.isBlank()) {
      problems.put(Field.NAME, "Name is required");
    }
    if (service == null || service.isBlank()) {
      problems.put(Field.SERVICE, "Service is required");
    }
    if (objectivePercent == null || !(objectivePercent > 0 && objectivePercent < 100)) {
      problems.put(Field.OBJECTIVE, OBJECTIVE_MESSAGE);
    }
    if (window == null) {
      problems.put(Field.WINDOW, "Window is required");
    }
    if (burnRateThreshold == null || !(burnRateThreshold > 0)) {
      problems.put(Field.THRESHOLD, THRESHOLD_MESSAGE);
    }
    if (!isValidWebhookUrl(webhookUrl)) {
      problems.put(Field.WEBHOOK_URL, URL_MESSAGE);
    }
    return problems;
  }

  /** Input fields, for attaching messages. */
  public enum Field {
    NAME,
    SERVICE,
    OBJECTIVE,
    WINDOW,
    THRESHOLD,
    WEBHOOK_URL
  }

  public static final String OBJECTIVE_MESSAGE =
      "Objective must be a percentage between 0 and 100 (exclusive), e.g. 99.5";
  public static final String THRESHOLD_MESSAGE = "Burn-rate threshold must be greater than 0";
  public static final String URL_MESSAGE =
      "Webhook URL must be an http:// or https:// URL with a host";

  /** Empty is valid (no channel); otherwise an absolute http(s) URL with a host. */
  public static boolean isValidWebhookUrl(String url) {
    if (url == null || url.isBlank()) {
      return true;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
