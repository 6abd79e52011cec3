package dev.meerkat.dashboard.config;

import java.time.Duration;
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
 */
@ConfigurationProperties("meerkat")
public record MeerkatProperties(
    @DefaultValue ClickHouse clickhouse,
    @DefaultValue Slo slo,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue Demo demo) {

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
   */
  public record Slo(
      @DefaultValue("30s") Duration evaluationInterval,
      @DefaultValue("true") boolean evaluationEnabled) {}

  /**
   * @param enabled create the demo's SLO at start when it does not exist yet
   * @param webhookUrl where the demo SLO's alerts go (empty: no channel)
   */
  public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("") String webhookUrl) {}
}
