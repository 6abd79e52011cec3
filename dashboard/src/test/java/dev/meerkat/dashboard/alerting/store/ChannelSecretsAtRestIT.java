package dev.meerkat.dashboard.alerting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestSecrets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Channel secrets at rest, on the embedded H2 file and on a real PostgreSQL 15: the raw column
 * holds none of them, plaintext rows from before encryption are encrypted at start, a wrong key
 * says which setting to fix, and nothing of a secret reaches the logs at any level.
 */
class ChannelSecretsAtRestIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final String SLACK_TOKEN = "XOXSLACKTOKEN42";
  private static final String ROUTING_KEY = "R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12";
  private static final String HMAC = "HMACSECRET42";

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void close() throws Exception {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    for (AutoCloseable closeable : closeables.reversed()) {
      closeable.close();
    }
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .allSatisfy(line -> assertThat(line).doesNotContain(SLACK_TOKEN, ROUTING_KEY, HMAC));
  }

  private StateDatabase.Connection connect(String kind) {
    StateDatabase database = kind.equals("h2") ? StateDatabase.h2() : StateDatabase.postgres();
    StateDatabase.Connection connection = database.open();
    closeables.add(connection);
    return connection;
  }

  private static List<Channel> channels() {
    return List.of(
        new Channel(
            "slack",
            "Slack",
            ChannelKind.SLACK,
            new ChannelSecrets("https://hooks.slack.com/services/T0/B0/" + SLACK_TOKEN, "", ""),
            "",
            "",
            Map.of()),
        new Channel(
            "pager",
            "Pager",
            ChannelKind.PAGERDUTY,
            new ChannelSecrets("", ROUTING_KEY, ""),
            "",
            "",
            Map.of()),
        new Channel(
            "hook",
            "Hook",
            ChannelKind.WEBHOOK,
            new ChannelSecrets("https://hooks.example.com/in", "", HMAC),
            "",
            "",
            Map.of()));
  }

  private static List<String> rawSecrets(StateDatabase.Connection db) {
    return db.jdbc().sql("SELECT secret FROM channels ORDER BY id").query(String.class).list();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void theRawColumnHoldsNoSecretAndTheRepositoryReadsThemBack(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcChannelRepository repository =
        new JdbcChannelRepository(db.jdbc(), db.transactions(), TestSecrets.cipher());
    channels().forEach(channel -> repository.save(channel, T0));

    assertThat(rawSecrets(db))
        .hasSize(3)
        .allSatisfy(
            raw ->
                assertThat(raw)
                    .startsWith("mk1:" + TestSecrets.cipher().currentKeyId() + ":")
                    .doesNotContain(SLACK_TOKEN, ROUTING_KEY, HMAC, "hooks"));
    assertThat(repository.list()).containsExactlyInAnyOrderElementsOf(channels());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void plaintextRowsFromBeforeEncryptionAreEncryptedAtStart(String kind) {
    StateDatabase.Connection db = connect(kind);
    db.jdbc()
        .sql(
            "INSERT INTO channels (id, name, kind, endpoint, secret, settings, labels,"
                + " created_at, updated_at) VALUES ('pager', 'Pager', 'PAGERDUTY', '', ?, '{}',"
                + " '{}', ?, ?)")
        .params(
            "{\"url\":\"\",\"routingKey\":\"" + ROUTING_KEY + "\",\"hmacSecret\":\"\"}",
            Timestamp.from(T0),
            Timestamp.from(T0))
        .update();
    // Spring logs SQL parameters at TRACE: the setup's own plaintext insert is not under test.
    logs.list.clear();
    JdbcChannelRepository repository =
        new JdbcChannelRepository(db.jdbc(), db.transactions(), TestSecrets.cipher());

    assertThat(repository.sealStoredSecrets()).isEqualTo(1);
    assertThat(repository.sealStoredSecrets()).isZero();

    assertThat(rawSecrets(db))
        .singleElement()
        .asString()
        .startsWith("mk1:")
        .doesNotContain(ROUTING_KEY);
    assertThat(repository.find("pager").orElseThrow().secrets().routingKey())
        .isEqualTo(ROUTING_KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aRotatedKeyReencryptsAndAWrongKeyNamesTheSetting(String kind) {
    StateDatabase.Connection db = connect(kind);
    new JdbcChannelRepository(db.jdbc(), db.transactions(), TestSecrets.cipher())
        .save(channels().get(1), T0);
    SecretCipher wrong = new SecretCipher(TestSecrets.key(100), List.of(), "meerkat.secrets.key");

    assertThatThrownBy(
            () ->
                new JdbcChannelRepository(db.jdbc(), db.transactions(), wrong).sealStoredSecrets())
        .isInstanceOf(SecretKeyException.class)
        .hasMessage(
            "Stored secrets were encrypted with key "
                + TestSecrets.cipher().currentKeyId()
                + ", but meerkat.secrets.key is key "
                + wrong.currentKeyId()
                + ". Configure the key they were encrypted with (a key being replaced goes in"
                + " meerkat.secrets.previous-keys).");

    SecretCipher rotated =
        new SecretCipher(TestSecrets.key(100), List.of(TestSecrets.key(0)), "meerkat.secrets.key");
    JdbcChannelRepository repository =
        new JdbcChannelRepository(db.jdbc(), db.transactions(), rotated);
    assertThat(repository.sealStoredSecrets()).isEqualTo(1);
    assertThat(rawSecrets(db))
        .singleElement()
        .asString()
        .startsWith("mk1:" + rotated.currentKeyId());
    assertThat(
            new JdbcChannelRepository(db.jdbc(), db.transactions(), wrong)
                .find("pager")
                .orElseThrow()
                .secrets()
                .routingKey())
        .isEqualTo(ROUTING_KEY);
  }
}
