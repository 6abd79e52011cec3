package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class NewSloTest {

  @Test
  void acceptsCompleteSloWithOrWithoutWebhook() {
    assertThat(valid("https://hooks.example.com/x").problems()).isEmpty();
    assertThat(valid("").problems()).isEmpty();
    assertThat(valid(null).problems()).isEmpty();
  }

  @Test
  void explainsEveryProblem() {
    NewSlo slo = new NewSlo(" ", null, 100.0, null, 0.0, "ftp://x");

    assertThat(slo.problems())
        .containsExactly(
            entry(NewSlo.Field.NAME, "Name is required"),
            entry(NewSlo.Field.SERVICE, "Service is required"),
            entry(NewSlo.Field.OBJECTIVE, NewSlo.OBJECTIVE_MESSAGE),
            entry(NewSlo.Field.WINDOW, "Window is required"),
            entry(NewSlo.Field.THRESHOLD, NewSlo.THRESHOLD_MESSAGE),
            entry(NewSlo.Field.WEBHOOK_URL, NewSlo.URL_MESSAGE));
  }

  @Test
  void objectiveMustBeStrictlyBetweenZeroAndHundred() {
    assertThat(withObjective(0.0).problems()).containsOnlyKeys(NewSlo.Field.OBJECTIVE);
    assertThat(withObjective(99.999).problems()).isEmpty();
    assertThat(withObjective(null).problems()).containsOnlyKeys(NewSlo.Field.OBJECTIVE);
  }

  @Test
  void webhookMustBeHttpWithHost() {
    assertThat(NewSlo.isValidWebhookUrl("http://127.0.0.1:9/hook")).isTrue();
    assertThat(NewSlo.isValidWebhookUrl("https:///nohost")).isFalse();
    assertThat(NewSlo.isValidWebhookUrl("javascript:alert(1)")).isFalse();
    assertThat(NewSlo.isValidWebhookUrl("not a url")).isFalse();
  }

  private static NewSlo valid(String url) {
    return new NewSlo("Checkout", "checkout", 99.5, SloWindow.THIRTY_DAYS, 2.0, url);
  }

  private static NewSlo withObjective(Double objective) {
    return new NewSlo("Checkout", "checkout", objective, SloWindow.ONE_DAY, 2.0, "");
  }
}
