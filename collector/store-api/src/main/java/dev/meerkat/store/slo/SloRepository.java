package dev.meerkat.store.slo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SLO definitions, stored as append-only versions: every save or delete writes a new version and
 * readers see the latest one per id.
 */
public interface SloRepository {

  /** Writes the definition as the next version of its id and returns it with that version. */
  SloDefinition save(SloDefinition definition);

  /** Latest version of every SLO not deleted, ordered by name then id. */
  List<SloDefinition> listCurrent();

  /** Latest version of one SLO, empty when unknown or deleted. */
  Optional<SloDefinition> find(String id);

  /** Writes a tombstone version; the SLO disappears from {@link #listCurrent()} and find. */
  void delete(String id, Instant at);
}
