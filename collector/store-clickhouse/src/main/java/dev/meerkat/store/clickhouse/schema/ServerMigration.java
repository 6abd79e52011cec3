package dev.meerkat.store.clickhouse.schema;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one server's database up to date while other processes may try the same: read the ledger;
 * if work is left, claim the lease and wait until this process holds it or someone else finished
 * the work; re-read the ledger, run the pending changes, record each migration after it succeeded,
 * release the lease.
 */
final class ServerMigration {

  private static final Logger logger = LoggerFactory.getLogger(ServerMigration.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final ClickHouseStore store;
  private final String where;
  private final List<ParsedMigration> migrations;
  private final Map<Integer, List<SchemaChange>> plans;
  private final MigrationTimings timings;
  private final SchemaChangeExecutor executor;
  private final MigrationLedger ledger;
  private final MigrationClaims claims;
  private String claimId;
  private long nextHeartbeat;

  ServerMigration(
      ClickHouseStore store,
      List<ParsedMigration> migrations,
      Map<Integer, List<SchemaChange>> plans,
      MigrationTimings timings,
      String layout,
      String owner) {
    this.store = store;
    this.where = "database " + store.config().database() + " at " + store.config().url();
    this.migrations = migrations;
    this.plans = plans;
    this.timings = timings;
    this.executor = new SchemaChangeExecutor(store);
    this.ledger = new MigrationLedger(store, executor, layout);
    this.claims = new MigrationClaims(store, executor, timings.lease(), owner);
  }

  /** Returns the file names this call applied (empty when another process did, or none was due). */
  List<String> run() {
    ledger.createIfMissing();
    claims.createIfMissing();
    long deadline = System.nanoTime() + timings.waitLimit().toNanos();
    RuntimeException failure = null;
    try {
      while (true) {
        if (pending().isEmpty()) {
          return List.of();
        }
        if (claimId == null) {
          claimId = claims.claim();
          nextHeartbeat = System.nanoTime() + timings.lease().toNanos() / 4;
        }
        List<String> live = claims.liveClaims();
        if (!live.isEmpty() && live.getFirst().equals(claimId)) {
          return applyPending();
        }
        if (!live.contains(claimId)) {
          // Our own claim lapsed (this process stalled for a lease): claim anew, at the back.
          claimId = null;
        } else if (System.nanoTime() > deadline) {
          throw new StoreException(
              "gave up after "
                  + timings.waitLimit()
                  + " waiting for "
                  + claims.owner(live.getFirst())
                  + " to migrate "
                  + where,
              true);
        }
        heartbeatIfDue();
        pause();
      }
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      release(failure);
    }
  }

  /** Releases our claim; a failure to do so (server gone) never hides the original failure. */
  private void release(RuntimeException failure) {
    if (claimId == null) {
      return;
    }
    try {
      claims.release(claimId);
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  private List<ParsedMigration> pending() {
    ledger.requireLayout(where);
    Map<Integer, Set<String>> applied = ledger.applied();
    MigrationLedger.requireUnchanged(migrations, applied, where);
    List<ParsedMigration> pending = new ArrayList<>();
    for (ParsedMigration migration : migrations) {
      if (!applied.containsKey(migration.version())) {
        pending.add(migration);
      }
    }
    return pending;
  }

  /**
   * Runs with the lease held; re-reads the ledger, since the last holder may have just finished.
   */
  private List<String> applyPending() {
    List<String> appliedNow = new ArrayList<>();
    for (ParsedMigration migration : pending()) {
      for (SchemaChange change : plans.get(migration.version())) {
        try {
          executor.run(change);
        } catch (StoreException e) {
          throw new StoreException(
              "migration " + migration.fileName() + " failed on " + where + ": " + e.getMessage(),
              e.retryable(),
              e);
        }
        heartbeatIfDue();
      }
      ledger.record(migration);
      logger.info("Applied migration {} to {}", migration.fileName(), where);
      appliedNow.add(migration.fileName());
    }
    return appliedNow;
  }

  private void heartbeatIfDue() {
    if (claimId != null && System.nanoTime() > nextHeartbeat) {
      claims.heartbeat(claimId);
      nextHeartbeat = System.nanoTime() + timings.lease().toNanos() / 4;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for another migrator", true, e);
    }
  }

  /** How long a claim lives without a heartbeat, and how long to wait for another migrator. */
  record MigrationTimings(Duration lease, Duration waitLimit) {
    static final MigrationTimings DEFAULT =
        new MigrationTimings(Duration.ofSeconds(60), Duration.ofMinutes(10));
  }
}
