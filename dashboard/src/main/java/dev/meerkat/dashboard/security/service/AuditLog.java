package dev.meerkat.dashboard.security.service;

import dev.meerkat.dashboard.security.domain.AuditEntry;
import java.util.List;

/** Where audit entries are kept: the relational state store. */
public interface AuditLog {

  void record(AuditEntry entry);

  /** The newest {@code limit} entries, newest first. */
  List<AuditEntry> recent(int limit);
}
