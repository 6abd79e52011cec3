package dev.meerkat.dashboard.alerting.domain;

/** The kinds of notification channel, each backed by one notifier of {@code exporters/notify}. */
public enum ChannelKind {
  WEBHOOK("Generic webhook"),
  SLACK("Slack"),
  PAGERDUTY("PagerDuty"),
  ALERTMANAGER("Alertmanager-compatible webhook");

  private final String label;

  ChannelKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
