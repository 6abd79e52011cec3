package dev.meerkat.notify;

import dev.meerkat.store.slo.AlertState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a Slack incoming-webhook message: {@code text} (the fallback shown in notifications and by
 * clients without Block Kit) and {@code blocks} (a header, the numbers as section fields, a link to
 * the SLO and a context line). Pure; golden-file tested. Text in {@code mrkdwn} has {@code &},
 * {@code <} and {@code >} escaped as Slack requires, so an SLO name cannot inject links or
 * mentions.
 */
public final class SlackMessageFormatter {

  public String format(AlertNotification n) {
    if (n.isRuleAlert()) {
      return JsonWriter.write(RuleAlertFormats.slack(n));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", escape(fallbackText(n)));
    body.put("blocks", List.of(header(n, n.sloName()), numbers(n), link(n), context(n)));
    return JsonWriter.write(body);
  }

  private static String fallbackText(AlertNotification n) {
    return "[" + n.state().name() + "] " + n.severity().wireName() + ": " + summaryTail(n);
  }

  private static String summaryTail(AlertNotification n) {
    String verb = n.state() == AlertState.FIRING ? "is burning its error budget" : "recovered";
    return "SLO " + n.sloName() + " (" + n.service() + ") " + verb;
  }

  static Map<String, Object> header(AlertNotification n, String name) {
    String icon = n.state() == AlertState.FIRING ? ":rotating_light:" : ":white_check_mark:";
    String state = n.state() == AlertState.FIRING ? "Firing" : "Resolved";
    String title = icon + " " + state + " (" + n.severity().wireName() + "): " + name;
    // Slack rejects header texts over 150 characters.
    String text = title.length() > 150 ? title.substring(0, 149) + "\u2026" : title;
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("type", "header");
    header.put("text", text("plain_text", text));
    return header;
  }

  private static Map<String, Object> numbers(AlertNotification n) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("type", "section");
    section.put(
        "fields",
        List.of(
            field("Service", escape(n.service())),
            field(
                "Objective",
                JsonWriter.number(n.objective() * 100)
                    + " % over "
                    + WebhookPayloadFormatter.windowLabel(n.window())),
            field(
                "Burn rate",
                JsonWriter.number(n.burnRate())
                    + " (threshold "
                    + JsonWriter.number(n.threshold())
                    + ")"),
            field("Error budget left", JsonWriter.number(n.errorBudgetRemaining() * 100) + " %")));
    return section;
  }

  private static Map<String, Object> link(AlertNotification n) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("type", "section");
    section.put(
        "text", text("mrkdwn", "<" + escape(n.dashboardUrl()) + "|Open the SLO in Meerkat>"));
    return section;
  }

  static Map<String, Object> context(AlertNotification n) {
    String started = "Incident started " + WebhookPayloadFormatter.iso(n.incidentStart());
    String line =
        n.state() == AlertState.FIRING
            ? started
            : started + ", resolved " + WebhookPayloadFormatter.iso(n.eventTime());
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("type", "context");
    context.put("elements", List.of(text("mrkdwn", line)));
    return context;
  }

  static Map<String, Object> field(String label, String value) {
    return text("mrkdwn", "*" + label + "*\n" + value);
  }

  static Map<String, Object> text(String type, String text) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", type);
    object.put("text", text);
    return object;
  }

  /** Slack's three control characters in message text (api.slack.com, "Escaping text"). */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
