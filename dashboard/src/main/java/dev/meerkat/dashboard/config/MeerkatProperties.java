package dev.meerkat.dashboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed, immutable configuration under {@code meerkat.*}; environment variables bind by Spring's
 * relaxed rules ({@code MEERKAT_CLICKHOUSE_URL} sets {@code meerkat.clickhouse.url}).
 *
 * @param clickhouse where the store is
 * @param slo SLO evaluation
 * @param publicUrl base URL of this dashboard, for links in notifications
 * @param demo what {@code ./meerkat demo} sets up
 * @param dataDir where local data lives ({@code MEERKAT_DATA_DIR}); the embedded state store is
 *     under {@code <dataDir>/state}
 * @param state the relational store of operational state
 * @param delivery the notification outbox's delivery worker and the evaluator lease
 * @param outbound where notifications may be sent
 * @param query limits on every read query, so that one user cannot stall the store
 * @param secrets the key that encrypts channel secrets in the state store
 * @param auth sign-in, roles and API tokens (docs/security.md)
 * @param apdex Apdex thresholds per service
 */
@ConfigurationProperties("meerkat")
public record MeerkatProperties(
    @DefaultValue ClickHouse clickhouse,
    @DefaultValue Slo slo,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue Demo demo,
    @DefaultValue("./data") Path dataDir,
    @DefaultValue State state,
    @DefaultValue Delivery delivery,
    @DefaultValue Outbound outbound,
    @DefaultValue Query query,
    @DefaultValue Secrets secrets,
    @DefaultValue Auth auth,
    @DefaultValue Apdex apdex) {

  /**
   * Apdex thresholds T of the services page (docs/dashboard.md, "Services").
   *
   * @param defaultThreshold T of every service without its own
   * @param thresholds T per service name ({@code meerkat.apdex.thresholds.checkout=200ms}; a name
   *     with dots in brackets: {@code meerkat.apdex.thresholds[orders.api]=1s})
   */
  public record Apdex(
      @DefaultValue("500ms") Duration defaultThreshold,
      @DefaultValue Map<String, Duration> thresholds) {

    public Apdex {
      requirePositive("meerkat.apdex.default-threshold", defaultThreshold);
      thresholds.forEach(
          (service, threshold) ->
              requirePositive("meerkat.apdex.thresholds." + service, threshold));
      thresholds = Map.copyOf(thresholds);
    }

    private static void requirePositive(String key, Duration threshold) {
      if (threshold == null || threshold.isNegative() || threshold.isZero()) {
        throw new IllegalArgumentException(
            key + " must be a positive duration such as 500ms or 2s, was " + threshold);
      }
    }
  }

  /**
   * @param key AES-256 key, 32 bytes in base64 ({@code openssl rand -base64 32};
   *     MEERKAT_SECRETS_KEY); never logged
   * @param keyFile a file holding the key in base64, when {@code key} is empty; both empty: {@code
   *     <dataDir>/secrets.key}, generated (owner-only) on first start
   * @param previousKeys keys being replaced, base64: secrets sealed under them are opened and
   *     re-encrypted with the current key at start
   */
  public record Secrets(
      @DefaultValue("") String key,
      @DefaultValue("") String keyFile,
      @DefaultValue List<String> previousKeys) {

    @Override
    public String toString() {
      return "Secrets[keyFile=" + keyFile + "]";
    }
  }

  /**
   * @param enabled require sign-in ({@code MEERKAT_AUTH_ENABLED}); {@code false} lets everyone do
   *     everything, for a machine nobody else can reach
   * @param usersFile the users and API tokens ({@code MEERKAT_AUTH_USERSFILE}), see
   *     docs/security.md; required when enabled, unless OpenID Connect or the demo user is set up
   * @param sessionTimeout a signed-in user is signed out after this much inactivity
   * @param maxFailures failed sign-ins in a row (per user name and per remote address) before a
   *     lock
   * @param lockDuration the first lock; each further lock doubles it
   * @param maxLockDuration the longest lock
   * @param metricsOpen serve {@code /metrics} without a token, so that Prometheus can scrape it
   * @param demoPassword password of the user {@code demo} (role admin); set by {@code ./meerkat
   *     demo}, never logged; empty: no demo user
   * @param demoToken API token of the demo user; empty: none
   * @param oidc roles of users signed in through OpenID Connect
   */
  public record Auth(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("") String usersFile,
      @DefaultValue("30m") Duration sessionTimeout,
      @DefaultValue("5") int maxFailures,
      @DefaultValue("1m") Duration lockDuration,
      @DefaultValue("15m") Duration maxLockDuration,
      @DefaultValue("true") boolean metricsOpen,
      @DefaultValue("") String demoPassword,
      @DefaultValue("") String demoToken,
      @DefaultValue Oidc oidc) {

    @Override
    public String toString() {
      return "Auth[enabled=" + enabled + ", usersFile=" + usersFile + "]";
    }
  }

  /**
   * @param maxRange longest time range one query may cover (the longest SLO window must fit)
   * @param maxRows most rows one query may return; more is refused with a message
   * @param timeout ClickHouse stops a query after this ({@code max_execution_time}), whole seconds
   */
  public record Query(
      @DefaultValue("31d") Duration maxRange,
      @DefaultValue("10000") int maxRows,
      @DefaultValue("30s") Duration timeout) {}

  /**
   * @param allow targets that notifications may reach although they are loopback, link-local,
   *     private or otherwise restricted: CIDR ranges or addresses ({@code 10.1.0.0/16}, {@code
   *     127.0.0.1}) and host names with an optional port ({@code receiver:9000}); comma-separated
   *     in an environment variable ({@code MEERKAT_OUTBOUND_ALLOW})
   */
  public record Outbound(@DefaultValue List<String> allow) {}

  /**
   * Spring Boot's {@code spring.security.oauth2.client.registration.<id>.*} keys register the
   * provider; these say which roles its users get.
   *
   * @param rolesClaim ID token claim whose values (a string or a list) name roles: viewer, editor
   *     or admin
   * @param defaultRole role of a user whose claim names none; empty: no role (sees nothing)
   */
  public record Oidc(
      @DefaultValue("roles") String rolesClaim, @DefaultValue("viewer") String defaultRole) {}

  /**
   * @param url JDBC URL ({@code MEERKAT_STATE_URL}); empty: an embedded H2 file under {@code
   *     <dataDir>/state/meerkat}. {@code jdbc:postgresql://host:5432/meerkat} when several
   *     dashboards share the state.
   * @param user database user (PostgreSQL)
   * @param password password, never logged
   * @param maxConnections connection pool size
   */
  public record State(
      @DefaultValue("") String url,
      @DefaultValue("") String user,
      @DefaultValue("") String password,
      @DefaultValue("8") int maxConnections) {

    /** The URL to connect to: {@link #url} or the embedded H2 file under {@code dataDir}. */
    public String jdbcUrl(Path dataDir) {
      if (url != null && !url.isBlank()) {
        return url.strip();
      }
      return "jdbc:h2:file:"
          + dataDir.resolve("state").resolve("meerkat").toAbsolutePath().normalize()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    public String toString() {
      return "State[url=" + url + ", user=" + user + "]";
    }
  }

  /**
   * @param senders notifications sent at the same time (one slow receiver holds one sender)
   * @param pollInterval pause between two looks at the outbox
   * @param requestTimeout longest wait for one receiver's answer
   * @param maxAttempts attempts per notification before it is dead
   * @param initialBackoff wait after the first failed attempt, doubled after each further one
   * @param maxBackoff longest exponential wait
   * @param maxRetryAfter longest wait a receiver may ask for with Retry-After
   * @param leaseTtl how long the evaluator lease lasts without renewal (a stopped dashboard's work
   *     is taken over after this)
   * @param instanceId holder id of this dashboard in the lease; empty: host name, pid and a random
   *     suffix
   * @param groupWait how long an Alertmanager-compatible channel's first notification of a group
   *     waits for more of the same group, sent as one payload; 0 sends each alert on its own
   */
  public record Delivery(
      @DefaultValue("4") int senders,
      @DefaultValue("2s") Duration pollInterval,
      @DefaultValue("10s") Duration requestTimeout,
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("5s") Duration initialBackoff,
      @DefaultValue("10m") Duration maxBackoff,
      @DefaultValue("1h") Duration maxRetryAfter,
      @DefaultValue("90s") Duration leaseTtl,
      @DefaultValue("") String instanceId,
      @DefaultValue("30s") Duration groupWait) {}

  /**
   * @param url ClickHouse HTTP URL, required
   * @param database database name
   * @param user user name
   * @param password password, never logged
   * @param migrate apply the schema migrations at startup (idempotent)
   */
  public record ClickHouse(
      String url,
      @DefaultValue("meerkat") String database,
      @DefaultValue("default") String user,
      @DefaultValue("") String password,
      @DefaultValue("true") boolean migrate) {

    @Override
    public String toString() {
      return "ClickHouse[url=" + url + ", database=" + database + ", user=" + user + "]";
    }
  }

  /**
   * @param evaluationInterval pause between two evaluations of all SLOs
   * @param evaluationEnabled run the evaluator at all (one replica only, when several run)
   * @param directory SLOs as code: YAML files (Meerkat's format or OpenSLO v1) loaded from here at
   *     start, created or updated, and shown as managed by file; empty for none
   *     (MEERKAT_SLO_DIRECTORY)
   */
  public record Slo(
      @DefaultValue("30s") Duration evaluationInterval,
      @DefaultValue("true") boolean evaluationEnabled,
      @DefaultValue("") String directory) {}

  /**
   * @param enabled create the demo's SLO at start when it does not exist yet
   * @param webhookUrl where the demo SLO's alerts go (empty: no channel)
   */
  public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("") String webhookUrl) {}
}
