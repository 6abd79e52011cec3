package dev.meerkat.dashboard.security.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.security.domain.AuditEntry;
import dev.meerkat.dashboard.testing.StateDatabase;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit log (migration V4) on the embedded H2 and on a real PostgreSQL 15. */
class JdbcAuditLogIT {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void keepsEntriesNewestFirstAndCutsLongIdLists(String kind) {
    StateDatabase database = kind.equals("h2") ? StateDatabase.h2() : StateDatabase.postgres();
    try (StateDatabase.Connection db = database.open()) {
      JdbcAuditLog log = new JdbcAuditLog(db.jdbc());
      String manyIds = "slo-".repeat(600);
      AuditEntry save = new AuditEntry(T0, "alice", "save", "slo", "checkout-availability");
      AuditEntry delete = new AuditEntry(T0.plusSeconds(60), "bob", "delete", "channel", "c-1");
      AuditEntry sameMillisecond = new AuditEntry(T0.plusSeconds(60), "bob", "create", "route", "");
      AuditEntry imported = new AuditEntry(T0.plusSeconds(120), "ci", "import", "slo", manyIds);
      log.record(save);
      log.record(delete);
      log.record(sameMillisecond);
      log.record(imported);

      assertThat(log.recent(3))
          .containsExactly(
              new AuditEntry(
                  T0.plusSeconds(120), "ci", "import", "slo", manyIds.substring(0, 2000)),
              sameMillisecond,
              delete);
      assertThat(log.recent(10)).hasSize(4).last().isEqualTo(save);
    }
  }
}
