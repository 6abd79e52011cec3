package dev.meerkat.dashboard.security.store;

import dev.meerkat.dashboard.security.domain.AuditEntry;
import dev.meerkat.dashboard.security.service.AuditLog;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log in the {@code audit_log} table of the state store. */
public final class JdbcAuditLog implements AuditLog {

  /** Column limit of {@code object_id}: an import of many SLOs is cut, not refused. */
  static final int MAX_OBJECT_ID = 2000;

  private final JdbcClient jdbc;

  public JdbcAuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(AuditEntry entry) {
    String objectId = entry.objectId();
    jdbc.sql(
            "INSERT INTO audit_log (at, user_name, action, object_type, object_id)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC),
            entry.user(),
            entry.action(),
            entry.objectType(),
            objectId.length() > MAX_OBJECT_ID ? objectId.substring(0, MAX_OBJECT_ID) : objectId)
        .update();
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    return jdbc.sql(
            "SELECT at, user_name, action, object_type, object_id FROM audit_log"
                + " ORDER BY at DESC, id DESC LIMIT ?")
        .param(limit)
        .query(
            (rs, row) ->
                new AuditEntry(
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("user_name"),
                    rs.getString("action"),
                    rs.getString("object_type"),
                    rs.getString("object_id")))
        .list();
  }
}
