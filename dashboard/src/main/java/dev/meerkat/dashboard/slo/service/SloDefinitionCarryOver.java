package dev.meerkat.dashboard.slo.service;

import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the SLO definitions that lived in ClickHouse (before the relational store) into the
 * relational store, once per store: the copy is recorded, and a later start copies nothing even
 * when ClickHouse still holds them (ClickHouse is not written to any more).
 */
public final class SloDefinitionCarryOver {

  static final String NAME = "slo-definitions-from-clickhouse";

  private static final Logger logger = LoggerFactory.getLogger(SloDefinitionCarryOver.class);

  private final Supplier<List<SloDefinition>> source;
  private final SloRepository target;
  private final OneTimeMigrations migrations;

  /**
   * @param source the definitions to carry over (the ClickHouse repository's current ones)
   * @param target the relational repository
   * @param migrations record of one-time data migrations of the target store
   */
  public SloDefinitionCarryOver(
      Supplier<List<SloDefinition>> source, SloRepository target, OneTimeMigrations migrations) {
    this.source = source;
    this.target = target;
    this.migrations = migrations;
  }

  /** Copies unless done before; returns the number of definitions copied. */
  public int run(Instant now) {
    if (migrations.isDone(NAME)) {
      return 0;
    }
    List<SloDefinition> current = source.get();
    int copied = 0;
    for (SloDefinition slo : current) {
      if (target.find(slo.id()).isEmpty()) {
        target.save(slo);
        copied++;
      }
    }
    migrations.markDone(NAME, now, copied + " of " + current.size() + " SLO definitions copied");
    if (copied > 0) {
      logger.info("Carried {} SLO definitions over from ClickHouse", copied);
    }
    return copied;
  }

  /** The store's record of one-time data migrations. */
  public interface OneTimeMigrations {
    boolean isDone(String name);

    /** Records {@code name} as done; idempotent. */
    void markDone(String name, Instant at, String detail);
  }
}
