package dev.meerkat.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlParserTest {
  /** sql, operation, collection, procedure. */
  static Stream<Arguments> statements() {
    return Stream.of(
        arguments("SELECT * FROM owners WHERE id = ?", "SELECT", "owners", null),
        arguments("select name from owners", "SELECT", "owners", null),
        arguments(
            "SELECT o.name FROM public.owners o JOIN pets p ON p.owner_id = o.id",
            "SELECT",
            "public.owners",
            null),
        arguments("SELECT a FROM x, y", "SELECT", "x", null),
        arguments("SELECT EXTRACT(YEAR FROM d) FROM visits", "SELECT", "visits", null),
        arguments("SELECT * FROM (SELECT * FROM owners) o", "SELECT", null, null),
        arguments("SELECT (SELECT max(id) FROM pets) FROM owners", "SELECT", "owners", null),
        arguments("SELECT ?", "SELECT", null, null),
        arguments("SELECT nextval(?)", "SELECT", null, null),
        arguments("SELECT * FROM \"My Owners\"", "SELECT", "\"My Owners\"", null),
        arguments("SELECT * FROM \"s\".\"t\" WHERE a = ?", "SELECT", "\"s\".\"t\"", null),
        arguments("SELECT * FROM [dbo].[t]", "SELECT", "[dbo].[t]", null),
        arguments("SELECT * FROM `db`.`t`", "SELECT", "`db`.`t`", null),
        arguments("SELECT * FROM ONLY owners", "SELECT", "owners", null),
        arguments("SELECT * FROM owners(?)", "SELECT", "owners", null),
        arguments("INSERT INTO owners (id, name) VALUES (?, ?)", "INSERT", "owners", null),
        arguments("INSERT INTO owners(id) VALUES (?)", "INSERT", "owners", null),
        arguments("insert ignore into t values (?)", "INSERT", "t", null),
        arguments("INSERT t VALUES (?)", "INSERT", "t", null),
        arguments("UPDATE owners SET name = ? WHERE id = ?", "UPDATE", "owners", null),
        arguments("UPDATE ONLY s.owners SET a = ?", "UPDATE", "s.owners", null),
        arguments("DELETE FROM owners WHERE id = ?", "DELETE", "owners", null),
        arguments("DELETE owners WHERE id = ?", "DELETE", "owners", null),
        arguments(
            "MERGE INTO owners USING x ON (?) WHEN MATCHED THEN DELETE", "MERGE", "owners", null),
        arguments("CALL add_one(?)", "CALL", null, "add_one"),
        arguments("call s.proc()", "CALL", null, "s.proc"),
        arguments("{call add_one(?)}", "CALL", null, "add_one"),
        arguments("{? = call add_one(?)}", "CALL", null, "add_one"),
        arguments("{ ? = CALL add_one }", "CALL", null, "add_one"),
        arguments("{d ?}", null, null, null),
        arguments("CREATE TABLE owners (id INT)", "CREATE", "owners", null),
        arguments("CREATE TABLE IF NOT EXISTS owners (id INT)", "CREATE", "owners", null),
        arguments("CREATE TEMPORARY TABLE tmp (id INT)", "CREATE", "tmp", null),
        arguments("CREATE CACHED TABLE c (id INT)", "CREATE", "c", null),
        arguments("CREATE INDEX i ON owners (name)", "CREATE", null, null),
        arguments("CREATE ALIAS add_one FOR ?", "CREATE", null, null),
        arguments("DROP TABLE IF EXISTS owners", "DROP", "owners", null),
        arguments("DROP TABLE a, b", "DROP", "a", null),
        arguments("ALTER TABLE ONLY owners ADD COLUMN x INT", "ALTER", "owners", null),
        arguments("TRUNCATE owners", "TRUNCATE", "owners", null),
        arguments("TRUNCATE TABLE owners", "TRUNCATE", "owners", null),
        arguments("WITH o AS (SELECT * FROM owners) SELECT * FROM o", "SELECT", "o", null),
        arguments(
            "WITH RECURSIVE r(n) AS (SELECT ? UNION ALL SELECT n FROM r) SELECT n FROM r",
            "SELECT",
            "r",
            null),
        arguments(
            "WITH d AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM d",
            "INSERT",
            "b",
            null),
        arguments("WITH x AS (SELECT ?)", null, null, null),
        arguments("BEGIN", null, null, null),
        arguments("SET search_path TO s", null, null, null),
        arguments("SHOW TRANSACTION ISOLATION LEVEL", null, null, null),
        arguments("(SELECT a FROM t)", null, null, null),
        arguments("", null, null, null),
        arguments("SELECT * FROM", "SELECT", null, null),
        arguments("DELETE FROM", "DELETE", null, null),
        arguments("INSERT INTO (", "INSERT", null, null),
        arguments("{", null, null, null),
        arguments("{?", null, null, null));
  }

  @ParameterizedTest
  @MethodSource("statements")
  void readsOperationAndTarget(String sql, String operation, String collection, String procedure) {
    SqlQuery query = SqlParser.parse(sql);
    assertThat(query.text).isEqualTo(sql);
    assertThat(query.operation).isEqualTo(operation);
    assertThat(query.collection).isEqualTo(collection);
    assertThat(query.procedure).isEqualTo(procedure);
    assertThat(query.batchSize).isZero();
  }

  @Test
  void preparedBatchOfTwoOrMoreIsBatchOperation() {
    SqlQuery insert = SqlParser.parse("INSERT INTO owners VALUES (?)");
    assertThat(insert.batch(1)).isSameAs(insert);
    SqlQuery batch = insert.batch(3);
    assertThat(batch.text).isEqualTo("INSERT INTO owners VALUES (?)");
    assertThat(batch.operation).isEqualTo("BATCH INSERT");
    assertThat(batch.collection).isEqualTo("owners");
    assertThat(batch.batchSize).isEqualTo(3);
  }

  @Test
  void plainBatchOfOneKindKeepsOneTextAndTheOperation() {
    SqlQuery a = SqlParser.parse("INSERT INTO owners VALUES (?)");
    SqlQuery b = SqlParser.parse("INSERT INTO owners VALUES (?)");
    SqlQuery batch = SqlQuery.batch(Arrays.asList(a, b), 5);
    assertThat(batch.text).isEqualTo("INSERT INTO owners VALUES (?)");
    assertThat(batch.operation).isEqualTo("BATCH INSERT");
    assertThat(batch.collection).isEqualTo("owners");
    assertThat(batch.batchSize).isEqualTo(5);
  }

  @Test
  void plainBatchOfSeveralKindsJoinsTextsAndSaysBatch() {
    SqlQuery update = SqlParser.parse("UPDATE owners SET a = ?");
    SqlQuery delete = SqlParser.parse("DELETE FROM owners");
    SqlQuery batch = SqlQuery.batch(Arrays.asList(update, delete), 2);
    assertThat(batch.text).isEqualTo("UPDATE owners SET a = ?; DELETE FROM owners");
    assertThat(batch.operation).isEqualTo("BATCH");
    assertThat(batch.collection).isEqualTo("owners");

    SqlQuery other = SqlParser.parse("DELETE FROM pets");
    SqlQuery mixed = SqlQuery.batch(Arrays.asList(delete, other), 2);
    assertThat(mixed.operation).isEqualTo("BATCH DELETE");
    assertThat(mixed.collection).isNull();
  }

  @Test
  void plainBatchOfOneIsTheQuery() {
    SqlQuery delete = SqlParser.parse("DELETE FROM owners");
    assertThat(SqlQuery.batch(Arrays.asList(delete), 1)).isSameAs(delete);
    assertThat(SqlQuery.batch(Arrays.<SqlQuery>asList(), 0)).isSameAs(SqlQuery.UNKNOWN);
  }
}
