package dev.meerkat.store.clickhouse.schema;

import java.util.List;

/**
 * A migration file checked and parsed: its version, file name, statements and the checksum the
 * ledger records, so a migration changed after it was applied is noticed.
 */
public record ParsedMigration(
    int version, String fileName, List<MigrationStatement> statements, String checksum) {}
