package dev.meerkat.store.clickhouse.schema;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who may migrate a server now: a lease without locks or transactions, which ClickHouse lacks.
 *
 * <p>Each migrating process inserts a claim row and reads all live claims back; the oldest live
 * claim wins. "Oldest" is the insert's block number, not its time: a non-replicated MergeTree
 * numbers its inserts from one counter as it commits them, so once a claim is acknowledged every
 * claim with a smaller number is already visible. Time would not do: two claims in the same second
 * (DateTime has no finer unit on 18.16) could each see itself first. The claims table is
 * partitioned by claim id so that merges never fold two claims into one part and lose their
 * numbers; it holds one tiny part per migration run that found work to do.
 *
 * <p>A claim lives while its owner heartbeats (every quarter lease) and until it is released; a
 * crashed owner's claim expires after the lease and the next oldest wins. Correctness does not rest
 * on the lease alone: every change is idempotent and re-checked (see {@link SchemaChangeExecutor}).
 */
final class MigrationClaims {

  static final String CLAIMS = "schema_migration_claims";
  static final String LEASES = "schema_migration_leases";

  // Claims older than a day are history: no migration runs that long.
  private static final long HISTORY_SECONDS = 86_400;

  private final ClickHouseStore store;
  private final SchemaChangeExecutor executor;
  private final Duration lease;
  private final String owner;

  MigrationClaims(
      ClickHouseStore store, SchemaChangeExecutor executor, Duration lease, String owner) {
    this.store = store;
    this.executor = executor;
    this.lease = lease;
    this.owner = owner;
  }

  void createIfMissing() {
    executor.run(
        new SchemaChange.Create(
            CLAIMS,
            "CREATE TABLE IF NOT EXISTS "
                + CLAIMS
                + " (claim_id String, owner String, claimed_at DateTime)"
                + " ENGINE = MergeTree PARTITION BY claim_id ORDER BY claim_id"));
    executor.run(
        new SchemaChange.Create(
            LEASES,
            "CREATE TABLE IF NOT EXISTS "
                + LEASES
                + " (claim_id String, event Enum8('HEARTBEAT' = 1, 'RELEASE' = 2), at DateTime)"
                + " ENGINE = MergeTree ORDER BY (claim_id, at)"));
  }

  /** Inserts a new claim and returns its id. */
  String claim() {
    String claimId = UUID.randomUUID().toString();
    store.execute(
        "INSERT INTO "
            + CLAIMS
            + " (claim_id, owner, claimed_at) VALUES ("
            + quote(claimId)
            + ", "
            + quote(owner)
            + ", now())");
    return claimId;
  }

  void heartbeat(String claimId) {
    lease(claimId, "HEARTBEAT");
  }

  void release(String claimId) {
    lease(claimId, "RELEASE");
  }

  private void lease(String claimId, String event) {
    store.execute(
        "INSERT INTO "
            + LEASES
            + " (claim_id, event, at) VALUES ("
            + quote(claimId)
            + ", "
            + quote(event)
            + ", now())");
  }

  /**
   * The ids of the live claims, oldest (smallest block number) first: the first one migrates now. A
   * claim is live until released, or until its owner has not heartbeated for a whole lease.
   */
  List<String> liveClaims() {
    long leaseSeconds = lease.toSeconds();
    Map<String, Long> lastSign = new HashMap<>();
    Set<String> released = new HashSet<>();
    for (Row row :
        store.query(
            "SELECT claim_id, max(toUInt32(at)) AS last, max(event = 'RELEASE') AS released FROM "
                + LEASES
                + " WHERE at > now() - "
                + HISTORY_SECONDS
                + " GROUP BY claim_id")) {
      lastSign.put(row.string("claim_id"), row.longValue("last"));
      if (row.longValue("released") == 1) {
        released.add(row.string("claim_id"));
      }
    }
    TreeMap<Long, String> live = new TreeMap<>();
    for (Row row :
        store.query(
            "SELECT claim_id, toUInt32(claimed_at) AS claimed,"
                + " toUInt64(splitByChar('_', _part)[-3]) AS block, toUInt32(now()) AS now FROM "
                + CLAIMS
                + " WHERE claimed_at > now() - "
                + HISTORY_SECONDS)) {
      String claimId = row.string("claim_id");
      long alive = Math.max(row.longValue("claimed"), lastSign.getOrDefault(claimId, 0L));
      if (!released.contains(claimId) && alive > row.longValue("now") - leaseSeconds) {
        live.put(row.longValue("block"), claimId);
      }
    }
    return List.copyOf(live.values());
  }

  /** Who holds {@code claimId}, for messages. */
  String owner(String claimId) {
    List<Row> rows =
        store.query(
            "SELECT any(owner) AS owner FROM " + CLAIMS + " WHERE claim_id = " + quote(claimId));
    return rows.isEmpty() ? "?" : rows.getFirst().string("owner");
  }
}
