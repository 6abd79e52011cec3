package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookTemplateTest {

  @Test
  void rejectsUnknownPlaceholdersWithTheirOffset() {
    assertThatThrownBy(() -> WebhookTemplate.parse("{\"x\": \"{{slo.owner}}\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown placeholder {{slo.owner}} at offset 7; known: status,");
  }

  @Test
  void rejectsUnclosedAndMalformedPlaceholders() {
    assertThatThrownBy(() -> WebhookTemplate.parse("{\"x\": \"{{summary\"}"))
        .hasMessage("malformed placeholder at offset 7: expected {{name}}");
    assertThatThrownBy(() -> WebhookTemplate.parse("{{ java.lang.Runtime() }}"))
        .hasMessage("malformed placeholder at offset 0: expected {{name}}");
    assertThatThrownBy(() -> WebhookTemplate.parse(" ")).hasMessage("template must not be empty");
  }

  @Test
  void insertsValuesOnceWithoutEvaluatingPlaceholdersInThem() {
    // An SLO named like a placeholder stays text: values are never re-scanned.
    AlertNotification n = Notifications.firing();
    AlertNotification tricky =
        new AlertNotification(
            n.state(),
            n.sloId(),
            "{{dashboardUrl}} $1 \\",
            n.service(),
            n.objective(),
            n.window(),
            n.burnRate(),
            n.threshold(),
            n.errorBudgetRemaining(),
            n.eventTime(),
            n.incidentStart(),
            n.dashboardUrl());
    assertThat(WebhookTemplate.parse("{{slo.name}}").render(tricky))
        .isEqualTo("{{dashboardUrl}} $1 \\\\");
  }
}
