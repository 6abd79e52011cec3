package dev.meerkat.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DbClientTelemetrySpanNameTest {
  private static final DbInfo PG = new DbInfo("postgresql", "petclinic", "h", 5432);

  @Test
  void namesSpanByOperationAndTargetThenOperationThenNamespaceThenSystem() {
    assertThat(DbClientTelemetry.spanName(PG, SqlParser.parse("SELECT * FROM owners")))
        .isEqualTo("SELECT owners");
    assertThat(DbClientTelemetry.spanName(PG, SqlParser.parse("{call add_one(?)}")))
        .isEqualTo("CALL add_one");
    assertThat(DbClientTelemetry.spanName(PG, SqlParser.parse("SELECT ?"))).isEqualTo("SELECT");
    assertThat(DbClientTelemetry.spanName(PG, SqlParser.parse("BEGIN"))).isEqualTo("petclinic");
    assertThat(DbClientTelemetry.spanName(DbInfo.UNKNOWN, SqlQuery.UNKNOWN)).isEqualTo("other_sql");
    assertThat(
            DbClientTelemetry.spanName(
                PG, SqlParser.parse("INSERT INTO owners VALUES (?)").batch(2)))
        .isEqualTo("BATCH INSERT owners");
  }
}
