package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Tokens in webhook URLs, routing keys and HMAC secrets never reach the logs (at any level) or
 * {@code toString()}, on success, rejection and giving up.
 */
class SecretsNotLoggedTest {

  private static final String URL_TOKEN = "T000SECRETPATH";
  private static final String QUERY_TOKEN = "QUERYSECRET";
  private static final String ROUTING_KEY = "R0UT1NGKEYSECRET0000000000000042";
  private static final String HMAC_SECRET = "HMACSECRET";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ScriptedReceiver receiver;
  private final RetryPolicy twoAttempts =
      new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  SecretsNotLoggedTest() throws IOException {
    receiver = new ScriptedReceiver();
  }

  /**
   * Apache HttpClient's own DEBUG lines quote request lines, headers and bodies; deployments cap it
   * at INFO (the dashboard's application.properties), as this test does. Everything else is
   * captured at TRACE.
   */
  private final Logger httpClient = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http");

  @BeforeEach
  void captureLogs() {
    root.setLevel(Level.TRACE);
    httpClient.setLevel(Level.INFO);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    httpClient.setLevel(null);
    receiver.close();
  }

  @Test
  void noChannelLogsOrPrintsItsSecrets() {
    List<Notifier> notifiers =
        List.of(
            GenericWebhookNotifier.builder()
                .outboundPolicy(ScriptedReceiver.ALLOWED)
                .secret(HMAC_SECRET)
                .retryPolicy(twoAttempts)
                .sleeper(d -> {})
                .build(),
            SlackNotifier.builder()
                .outboundPolicy(ScriptedReceiver.ALLOWED)
                .retryPolicy(twoAttempts)
                .sleeper(d -> {})
                .build(),
            PagerDutyNotifier.builder()
                .outboundPolicy(ScriptedReceiver.ALLOWED)
                .routingKey(ROUTING_KEY)
                .retryPolicy(twoAttempts)
                .sleeper(d -> {})
                .build(),
            AlertmanagerWebhookNotifier.builder()
                .outboundPolicy(ScriptedReceiver.ALLOWED)
                .retryPolicy(twoAttempts)
                .sleeper(d -> {})
                .build());
    for (Notifier notifier : notifiers) {
      for (int status : new int[] {200, 403, 503}) {
        receiver.thenRespond(status);
        notifier.deliver(
            receiver.uri("/hook/" + URL_TOKEN + "?token=" + QUERY_TOKEN), Notifications.firing());
      }
      assertThat(notifier.toString())
          .doesNotContain(URL_TOKEN, QUERY_TOKEN, ROUTING_KEY, HMAC_SECRET);
    }

    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .allSatisfy(
            line ->
                assertThat(line).doesNotContain(URL_TOKEN, QUERY_TOKEN, ROUTING_KEY, HMAC_SECRET));
    assertThat(GenericWebhookNotifier.builder().secret(HMAC_SECRET).toString())
        .doesNotContain(HMAC_SECRET);
    assertThat(PagerDutyNotifier.builder().routingKey(ROUTING_KEY).toString())
        .doesNotContain(ROUTING_KEY);
  }
}
