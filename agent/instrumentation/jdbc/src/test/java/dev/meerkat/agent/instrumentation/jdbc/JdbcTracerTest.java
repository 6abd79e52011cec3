package dev.meerkat.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tracer's JDBC state (batches, unknown statements, errors) with stand-in JDBC objects. */
class JdbcTracerTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final JdbcTracer tracer =
      new JdbcTracer(
          InstrumentationContext.forTesting(
              "jdbc",
              OpenTelemetrySdk.builder()
                  .setTracerProvider(
                      SdkTracerProvider.builder()
                          .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                          .build())
                  .build()));
  private final Statement statement = statement("jdbc:postgresql://db:5432/petclinic");

  @Test
  void plainBatchKeepsEachDistinctSanitizedTextOnce() {
    for (int i = 0; i < 40; i++) {
      tracer.addBatch(statement, "INSERT INTO owners VALUES (" + i + ")");
    }
    tracer.addBatch(statement, "DELETE FROM owners WHERE id = 1");
    tracer.end(tracer.startBatch(statement), null);

    SpanData span = single();
    assertThat(span.getName()).isEqualTo("BATCH owners");
    assertThat(attributes(span))
        .isEqualTo(
            db(
                "db.query.text",
                "INSERT INTO owners VALUES (?); DELETE FROM owners WHERE id = ?",
                "db.operation.name",
                "BATCH",
                "db.collection.name",
                "owners",
                "db.operation.batch.size",
                41L));
  }

  @Test
  void plainBatchPastTheTextLimitClaimsNoOperationOrCollection() {
    for (int i = 0; i < 40; i++) {
      tracer.addBatch(statement, "INSERT INTO owners VALUES (" + i + ")");
    }
    for (int i = 0; i < 40; i++) {
      tracer.addBatch(statement, "DELETE FROM t" + i);
    }
    tracer.end(tracer.startBatch(statement), null);

    SpanData span = single();
    assertThat(span.getName()).isEqualTo("BATCH");
    Map<String, Object> attributes = attributes(span);
    String text = (String) attributes.remove("db.query.text");
    assertThat(text.split("; ")).hasSize(32).startsWith("INSERT INTO owners VALUES (?)");
    assertThat(attributes)
        .isEqualTo(db("db.operation.name", "BATCH", "db.operation.batch.size", 80L));
  }

  @Test
  void clearedBatchStartsAgainAndABatchOfOneIsNoBatch() {
    tracer.addBatch(statement, "DELETE FROM pets");
    tracer.addBatch(statement, "DELETE FROM visits");
    tracer.clearBatch(statement);
    tracer.addBatch(statement, "INSERT INTO owners VALUES (1)");
    tracer.end(tracer.startBatch(statement), null);
    tracer.end(tracer.startBatch(statement), null);

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).extracting(SpanData::getName).containsExactly("INSERT owners", "petclinic");
    assertThat(attributes(spans.get(0)))
        .isEqualTo(
            db(
                "db.query.text",
                "INSERT INTO owners VALUES (?)",
                "db.operation.name",
                "INSERT",
                "db.collection.name",
                "owners"));
    // Executed again with nothing added: nothing is known of its text.
    assertThat(attributes(spans.get(1))).isEqualTo(db());
  }

  @Test
  void preparedStatementKnownFromItsConnection() {
    Statement prepared = statement("jdbc:h2:mem:owners");
    tracer.prepared(connection("jdbc:h2:mem:owners"), prepared, "SELECT * FROM pets WHERE id = 7");
    tracer.end(tracer.startPrepared(prepared), null);
    tracer.end(tracer.startPrepared(statement), null);

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).extracting(SpanData::getName).containsExactly("SELECT pets", "petclinic");
    Map<String, Object> h2 = new HashMap<>();
    h2.put("db.system", "h2");
    h2.put("db.namespace", "owners");
    h2.put("db.query.text", "SELECT * FROM pets WHERE id = ?");
    h2.put("db.operation.name", "SELECT");
    h2.put("db.collection.name", "pets");
    assertThat(attributes(spans.get(0))).isEqualTo(h2);
    assertThat(attributes(spans.get(1))).isEqualTo(db());
  }

  @Test
  void failedCallIsAnErrorWithTheExceptionType() {
    tracer.end(
        tracer.start(statement, "SELECT * FROM nope"), new SQLException("relation nope missing"));

    SpanData span = single();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    assertThat(attributes(span))
        .isEqualTo(
            db(
                "db.query.text",
                "SELECT * FROM nope",
                "db.operation.name",
                "SELECT",
                "db.collection.name",
                "nope",
                "error.type",
                "java.sql.SQLException"));
  }

  private SpanData single() {
    assertThat(exporter.getFinishedSpanItems()).hasSize(1);
    return exporter.getFinishedSpanItems().get(0);
  }

  private static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> map = new HashMap<>();
    span.getAttributes()
        .forEach((AttributeKey<?> key, Object value) -> map.put(key.getKey(), value));
    return map;
  }

  /** The attributes of the PostgreSQL URL above, plus key/value pairs. */
  private static Map<String, Object> db(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    map.put("db.system", "postgresql");
    map.put("db.namespace", "petclinic");
    map.put("server.address", "db");
    map.put("server.port", 5432L);
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static Statement statement(String url) {
    Connection connection = connection(url);
    return proxy(Statement.class, "getConnection", connection);
  }

  private static Connection connection(String url) {
    DatabaseMetaData metaData = proxy(DatabaseMetaData.class, "getURL", url);
    return proxy(Connection.class, "getMetaData", metaData);
  }

  /** A stand-in answering one method; identity equality, as JDBC objects have. */
  private static <T> T proxy(Class<T> type, String method, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            JdbcTracerTest.class.getClassLoader(),
            new Class<?>[] {type},
            (self, m, args) -> {
              switch (m.getName()) {
                case "hashCode":
                  return System.identityHashCode(self);
                case "equals":
                  return self == args[0];
                case "isWrapperFor":
                  return false;
                default:
                  return m.getName().equals(method) ? answer : null;
              }
            }));
  }
}
