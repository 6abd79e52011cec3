package dev.meerkat.store.clickhouse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A migrator in its own JVM, for {@link ConcurrentSchemaMigrationIT}: prints {@code READY}, waits
 * for a line on stdin (the start signal), migrates {@code args[1]} at {@code args[0]} and prints
 * {@code APPLIED:} with the file names it applied.
 */
public final class SchemaMigratorChild {

  private SchemaMigratorChild() {}

  public static void main(String[] args) throws Exception {
    try (ClickHouseStore store =
        ClickHouseStore.connect(ClickHouseConfig.create(args[0]).withDatabase(args[1]))) {
      System.out.println("READY");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      List<String> applied = SchemaMigrator.create(store).migrate();
      System.out.println("APPLIED:" + String.join(",", applied));
      System.out.flush();
    }
  }
}
