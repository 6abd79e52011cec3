package dev.meerkat.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user-supplied body for the generic webhook with {@code {{placeholder}}} substitution and
 * nothing else: no expressions, loops or script engine, so a template can neither run code nor read
 * anything but the notification. Unknown placeholders and unclosed braces are rejected when the
 * template is parsed, not when an alert fires.
 *
 * <p>The body is meant to be JSON: string values are inserted JSON-escaped without quotes (write
 * {@code "text": "{{summary}}"}); numbers are inserted bare ({@code "burn": {{burnRate}}}).
 */
public final class WebhookTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*}}");

  private static final Map<String, Function<AlertNotification, String>> VALUES = values();

  private final String text;

  private WebhookTemplate(String text) {
    this.text = text;
  }

  /** Parses and checks a template; the message says which placeholder is wrong and where. */
  public static WebhookTemplate parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("template must not be empty");
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    int checkedUpTo = 0;
    while (matcher.find()) {
      requireNoStrayBraces(text, checkedUpTo, matcher.start());
      if (!VALUES.containsKey(matcher.group(1))) {
        throw new IllegalArgumentException(
            "unknown placeholder "
                + matcher.group()
                + " at offset "
                + matcher.start()
                + "; known: "
                + String.join(", ", VALUES.keySet()));
      }
      checkedUpTo = matcher.end();
    }
    requireNoStrayBraces(text, checkedUpTo, text.length());
    return new WebhookTemplate(text);
  }

  private static void requireNoStrayBraces(String text, int from, int to) {
    int open = text.indexOf("{{", from);
    if (open >= 0 && open < to) {
      throw new IllegalArgumentException(
          "malformed placeholder at offset " + open + ": expected {{name}}");
    }
  }

  /** Names a template may use, in documentation order. */
  public static List<String> placeholders() {
    return new ArrayList<>(VALUES.keySet());
  }

  public String render(AlertNotification notification) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = VALUES.get(matcher.group(1)).apply(notification);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Map<String, Function<AlertNotification, String>> values() {
    Map<String, Function<AlertNotification, String>> values = new LinkedHashMap<>();
    values.put("status", n -> n.state().wireName());
    values.put("severity", n -> n.severity().wireName());
    values.put("summary", n -> escaped(WebhookPayloadFormatter.summary(n)));
    values.put("idempotencyKey", n -> escaped(n.idempotencyKey()));
    values.put("slo.id", n -> escaped(n.sloId()));
    values.put("slo.name", n -> escaped(n.sloName()));
    values.put("slo.service", n -> escaped(n.service()));
    values.put("slo.objectivePercent", n -> JsonWriter.number(n.objective() * 100));
    values.put("slo.window", n -> WebhookPayloadFormatter.windowLabel(n.window()));
    values.put("burnRate", n -> JsonWriter.number(n.burnRate()));
    values.put("burnRateThreshold", n -> JsonWriter.number(n.threshold()));
    values.put(
        "errorBudgetRemainingPercent", n -> JsonWriter.number(n.errorBudgetRemaining() * 100));
    values.put("eventTime", n -> WebhookPayloadFormatter.iso(n.eventTime()));
    values.put("incidentStart", n -> WebhookPayloadFormatter.iso(n.incidentStart()));
    values.put("dashboardUrl", n -> escaped(n.dashboardUrl()));
    return Collections.unmodifiableMap(values);
  }

  /** JSON string content without the quotes. */
  private static String escaped(String value) {
    StringBuilder out = new StringBuilder();
    JsonWriter.writeString(out, value);
    return out.substring(1, out.length() - 1);
  }

  @Override
  public String toString() {
    return "WebhookTemplate{" + text.length() + " chars}";
  }
}
