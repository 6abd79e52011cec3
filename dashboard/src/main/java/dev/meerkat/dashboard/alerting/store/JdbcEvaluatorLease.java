package dev.meerkat.dashboard.alerting.store;

import static dev.meerkat.dashboard.alerting.store.Times.utc;

import dev.meerkat.dashboard.alerting.service.EvaluatorLease;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lease row of {@code evaluator_lease}, taken with one conditional UPDATE in a transaction: it
 * succeeds only when the lease expired or is already ours, and the row lock makes two contenders
 * serialise (the second re-checks the condition after the first committed), on H2 and PostgreSQL
 * alike. Times come from the caller's clock, so every process must have a sane clock; the lease ttl
 * should be a few evaluation intervals to absorb skew.
 */
public final class JdbcEvaluatorLease implements EvaluatorLease {

  private static final String NAME = "evaluator";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public JdbcEvaluatorLease(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public boolean tryAcquire(String holder, Instant now, Duration ttl) {
    Integer updated =
        transactions.execute(
            tx ->
                jdbc.sql(
                        "UPDATE evaluator_lease SET holder = ?, expires_at = ?"
                            + " WHERE name = ? AND (expires_at < ? OR holder = ?)")
                    .params(holder, utc(now.plus(ttl)), NAME, utc(now), holder)
                    .update());
    return updated != null && updated == 1;
  }

  @Override
  public void release(String holder) {
    transactions.executeWithoutResult(
        tx ->
            jdbc.sql(
                    "UPDATE evaluator_lease SET holder = '', expires_at = ?"
                        + " WHERE name = ? AND holder = ?")
                .params(utc(Instant.EPOCH), NAME, holder)
                .update());
  }

  /** Who holds the lease row now (it may have expired): for tests and the status page. */
  public String holder() {
    return jdbc.sql("SELECT holder FROM evaluator_lease WHERE name = ?")
        .param(NAME)
        .query(String.class)
        .single();
  }
}
