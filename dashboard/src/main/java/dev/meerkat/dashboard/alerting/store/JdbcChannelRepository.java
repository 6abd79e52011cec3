package dev.meerkat.dashboard.alerting.store;

import static dev.meerkat.dashboard.alerting.store.Times.utc;

import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.alerting.service.ChannelRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Channels in {@code channels}: the secrets (URL, routing key, HMAC secret) as JSON encrypted by
 * {@link SecretCipher} in {@code secret}, the masked URL in {@code endpoint} (what a listing may
 * show), template and receiver in {@code settings}, labels in {@code labels}. Rows from before
 * encryption hold plaintext JSON until {@link #sealStoredSecrets()} runs (at every start).
 */
public final class JdbcChannelRepository implements ChannelRepository {

  private static final String COLUMNS = "id, name, kind, secret, settings, labels";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StateJson json = new StateJson();
  private final SecretCipher cipher;

  public JdbcChannelRepository(
      JdbcClient jdbc, TransactionTemplate transactions, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.cipher = cipher;
  }

  /**
   * Encrypts secrets stored in plaintext (before encryption existed) and re-encrypts those sealed
   * under an older key with the current one; returns how many rows changed. Opening every row also
   * proves at start that the configured key is the right one.
   *
   * @throws SecretKeyException naming the key setting when a stored secret does not open
   */
  public int sealStoredSecrets() {
    return transactions.execute(
        tx -> {
          record Stored(String id, String secret) {}
          List<Stored> rows =
              jdbc.sql("SELECT id, secret FROM channels")
                  .query((rs, row) -> new Stored(rs.getString("id"), rs.getString("secret")))
                  .list();
          int changed = 0;
          for (Stored row : rows) {
            String plain = plaintext(row.secret(), row.id());
            if (!cipher.isCurrent(row.secret())) {
              jdbc.sql("UPDATE channels SET secret = ? WHERE id = ?")
                  .params(cipher.seal(plain, row.id()), row.id())
                  .update();
              changed++;
            }
          }
          return changed;
        });
  }

  private String plaintext(String stored, String id) {
    return SecretCipher.isSealed(stored) ? cipher.open(stored, id) : stored;
  }

  @Override
  public List<Channel> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM channels ORDER BY name, id")
        .query(this::channel)
        .list();
  }

  @Override
  public Optional<Channel> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE id = ?")
        .param(id)
        .query(this::channel)
        .optional();
  }

  @Override
  public void save(Channel channel, Instant now) {
    String secret =
        cipher.seal(
            json.write(
                Map.of(
                    "url", channel.secrets().url(),
                    "routingKey", channel.secrets().routingKey(),
                    "hmacSecret", channel.secrets().hmacSecret())),
            channel.id());
    String settings =
        json.write(Map.of("template", channel.template(), "receiver", channel.receiver()));
    String labels = json.write(channel.labels());
    transactions.executeWithoutResult(
        tx -> {
          int updated =
              jdbc.sql(
                      "UPDATE channels SET name = ?, kind = ?, endpoint = ?, secret = ?,"
                          + " settings = ?, labels = ?, updated_at = ? WHERE id = ?")
                  .params(
                      channel.name(),
                      channel.kind().name(),
                      channel.maskedEndpoint(),
                      secret,
                      settings,
                      labels,
                      utc(now),
                      channel.id())
                  .update();
          if (updated == 0) {
            jdbc.sql(
                    "INSERT INTO channels (id, name, kind, endpoint, secret, settings, labels,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    channel.id(),
                    channel.name(),
                    channel.kind().name(),
                    channel.maskedEndpoint(),
                    secret,
                    settings,
                    labels,
                    utc(now),
                    utc(now))
                .update();
          }
        });
  }

  @Override
  public boolean delete(String id) {
    return jdbc.sql("DELETE FROM channels WHERE id = ?").param(id).update() == 1;
  }

  private Channel channel(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    Map<String, String> secret = json.readMap(plaintext(rs.getString("secret"), id));
    Map<String, String> settings = json.readMap(rs.getString("settings"));
    return new Channel(
        id,
        rs.getString("name"),
        ChannelKind.valueOf(rs.getString("kind")),
        new ChannelSecrets(
            secret.getOrDefault("url", ""),
            secret.getOrDefault("routingKey", ""),
            secret.getOrDefault("hmacSecret", "")),
        settings.getOrDefault("template", ""),
        settings.getOrDefault("receiver", ""),
        json.readMap(rs.getString("labels")));
  }
}
