package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookPayloadFormatterTest {

  private final WebhookPayloadFormatter formatter = new WebhookPayloadFormatter();

  @Test
  void formatsFiringNotificationAsGoldenFile() throws IOException {
    assertThat(formatter.format(Notifications.firing())).isEqualTo(golden("firing.json"));
  }

  @Test
  void formatsResolvedNotificationAsGoldenFile() throws IOException {
    assertThat(formatter.format(Notifications.resolved())).isEqualTo(golden("resolved.json"));
  }

  @Test
  void firingAndResolvedOfOneIncidentHaveDistinctStableKeys() {
    assertThat(Notifications.firing().idempotencyKey()).isEqualTo("slo-42:page:1772366400:firing");
    assertThat(Notifications.resolved().idempotencyKey())
        .isEqualTo("slo-42:page:1772366400:resolved");
  }

  @Test
  void escapesControlCharactersQuotesAndBackslashes() {
    StringBuilder out = new StringBuilder();
    JsonWriter.writeString(out, "a\"b\\c\nd\u0001e\u2028");
    assertThat(out).hasToString("\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"");
  }

  @Test
  void labelsWindowsInLargestWholeUnit() {
    assertThat(WebhookPayloadFormatter.windowLabel(Duration.ofDays(28))).isEqualTo("28d");
    assertThat(WebhookPayloadFormatter.windowLabel(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(WebhookPayloadFormatter.windowLabel(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(WebhookPayloadFormatter.windowLabel(Duration.ofSeconds(61))).isEqualTo("61s");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        WebhookPayloadFormatterTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
