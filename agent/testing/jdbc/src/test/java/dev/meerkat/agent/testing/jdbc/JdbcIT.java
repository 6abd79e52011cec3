package dev.meerkat.agent.testing.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.PostgresServer;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real agent jar on a child JVM running {@link JdbcApp}: every statement, prepared statement,
 * callable statement and batch is one root CLIENT span with the semconv attributes, through the
 * driver and through HikariCP alike; a failed statement is an error span; inside a request it is
 * the server span's child. H2 embedded, and the PostgreSQL driver against a real PostgreSQL 15
 * server.
 */
class JdbcIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer postgres;

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void tracesH2(Path jdk) throws Exception {
    Map<String, Object> db = new TreeMap<>();
    db.put("db.system", "h2");
    db.put("db.namespace", "owners_db");
    List<SpanView> spans =
        run(
            jdk,
            "jdbc:h2:mem:owners_db;DB_CLOSE_DELAY=-1",
            "sa",
            "org.h2.jdbc.JdbcSQLSyntaxErrorException");
    assertThat(spans)
        .containsExactlyElementsOf(
            expectedSpans(
                db, "CREATE ALIAS add_one FOR ?", "org.h2.jdbc.JdbcSQLSyntaxErrorException"));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void tracesPostgresql(Path jdk) throws Exception {
    String database = "owners_" + DATABASES.incrementAndGet();
    postgres.createDatabase(database);
    Map<String, Object> db = new TreeMap<>();
    db.put("db.system", "postgresql");
    db.put("db.namespace", database);
    db.put("server.address", "127.0.0.1");
    db.put("server.port", (long) postgres.port());
    List<SpanView> spans =
        run(
            jdk,
            postgres.jdbcUrl(database),
            PostgresServer.USER,
            "org.postgresql.util.PSQLException");
    assertThat(spans)
        .containsExactlyElementsOf(
            expectedSpans(
                db,
                "CREATE FUNCTION add_one(i integer) RETURNS integer AS ? LANGUAGE sql",
                "org.postgresql.util.PSQLException"));
  }

  /** Runs the app, stops it (the agent flushes at exit) and returns its spans in start order. */
  private static List<SpanView> run(Path jdk, String url, String user, String errorType)
      throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=jdbc-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500"),
                ChildJvm.testClassPath(),
                JdbcApp.class.getName(),
                url,
                user)) {
      int port = app.awaitReadyPort(TIMEOUT);
      HttpResponse<String> owner =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/owners/1"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(owner.statusCode()).isEqualTo(200);
      assertThat(owner.body()).isEqualTo("Jean");
      assertThat(app.stdout()).containsExactly("FAILED AS EXPECTED " + errorType, "READY " + port);
      // The server span ends after the response is sent: wait for it before stopping the app,
      // whose exit then flushes anything left (so the exact count below sees every span).
      Poll.until(TIMEOUT, receiver::spans, s -> s.size() >= 14, () -> "" + receiver.spans());
      // Cumulative histogram: the latest export counts every call once all 13 are in.
      Map<Map<String, Object>, Long> durations =
          Poll.until(
              TIMEOUT,
              () -> durationCounts(receiver),
              counts -> counts.values().stream().mapToLong(Long::longValue).sum() >= 13,
              () -> "db.client.operation.duration: " + durationCounts(receiver));
      app.stop();
      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO Meerkat agent"))
          .isEmpty();
      List<Span> spans = receiver.spans();
      // Inside the request, the statement's span is the child of the server span.
      Span server = single(spans, Span.SpanKind.SPAN_KIND_SERVER);
      assertThat(server.getName()).isEqualTo("GET /owners");
      assertThat(spans).hasSize(14);
      List<Span> children =
          spans.stream().filter(s -> s.getParentSpanId().equals(server.getSpanId())).toList();
      assertThat(children).hasSize(1);
      assertThat(children.get(0).getTraceId()).isEqualTo(server.getTraceId());
      assertThat(children.get(0).getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
      List<SpanView> views = new ArrayList<>();
      spans.stream()
          .filter(span -> span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
          .sorted(Comparator.comparingLong(Span::getStartTimeUnixNano))
          .forEach(span -> views.add(SpanView.of(span)));
      assertThat(durations).isEqualTo(expectedDurationCounts(views));
      return views;
    }
  }

  /** The latest export of db.client.operation.duration: count per attribute set. */
  private static Map<Map<String, Object>, Long> durationCounts(OtlpReceiver receiver) {
    Map<Map<String, Object>, Long> counts = new HashMap<>();
    List<Metric> exports =
        receiver.metrics().stream()
            .filter(m -> m.getName().equals("db.client.operation.duration"))
            .toList();
    if (!exports.isEmpty()) {
      Metric latest = exports.get(exports.size() - 1);
      assertThat(latest.getUnit()).isEqualTo("s");
      for (HistogramDataPoint point : latest.getHistogram().getDataPointsList()) {
        counts.put(OtlpReceiver.attributes(point.getAttributesList()), point.getCount());
      }
    }
    return counts;
  }

  /** Semconv's metric attributes are the span's without the query text and the batch size. */
  private static Map<Map<String, Object>, Long> expectedDurationCounts(List<SpanView> spans) {
    Map<Map<String, Object>, Long> counts = new HashMap<>();
    for (SpanView span : spans) {
      Map<String, Object> attributes = new TreeMap<>(span.attributes());
      attributes.remove("db.query.text");
      attributes.remove("db.operation.batch.size");
      counts.merge(attributes, 1L, Long::sum);
    }
    return counts;
  }

  private static Span single(List<Span> spans, Span.SpanKind kind) {
    List<Span> matching = spans.stream().filter(s -> s.getKind() == kind).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  /** The CLIENT spans of {@link JdbcApp}'s script and request, in order. */
  static List<SpanView> expectedSpans(
      Map<String, Object> db, String createFunction, String errorType) {
    List<SpanView> spans = new ArrayList<>();
    spans.add(
        ok(
            "CREATE owners",
            query(db, "CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(?))", "CREATE")
                .collection("owners")));
    spans.add(
        ok(
            "INSERT owners",
            query(db, "INSERT INTO owners VALUES (?, ?)", "INSERT").collection("owners")));
    spans.add(
        ok(
            "SELECT owners",
            query(db, "SELECT name FROM owners WHERE id = ?", "SELECT").collection("owners")));
    spans.add(
        ok(
            "SELECT owners",
            query(db, "SELECT id FROM owners WHERE name = ?", "SELECT").collection("owners")));
    spans.add(
        ok(
            "BATCH INSERT owners",
            query(db, "INSERT INTO owners (id, name) VALUES (?, ?)", "BATCH INSERT")
                .collection("owners")
                .batch(2)));
    spans.add(
        ok(
            "BATCH owners",
            query(
                    db,
                    "UPDATE owners SET name = ? WHERE id = ?; DELETE FROM owners WHERE id = ?",
                    "BATCH")
                .collection("owners")
                .batch(2)));
    spans.add(ok("CREATE", query(db, createFunction, "CREATE")));
    spans.add(
        ok(
            "CALL add_one",
            query(db, "{? = call add_one(?)}", "CALL")
                .with("db.stored_procedure.name", "add_one")));
    Attributes failed =
        query(db, "SELECT * FROM no_such_table WHERE id = ?", "SELECT")
            .collection("no_such_table")
            .with("error.type", errorType);
    spans.add(
        new SpanView(
            "SELECT no_such_table",
            Span.SpanKind.SPAN_KIND_CLIENT,
            failed.map,
            Status.StatusCode.STATUS_CODE_ERROR,
            true,
            List.of("exception " + errorType)));
    // Through HikariCP: its proxies delegate to the driver's objects, still one span each.
    spans.add(
        ok(
            "SELECT owners",
            query(db, "SELECT count(*) FROM owners WHERE id > ?", "SELECT").collection("owners")));
    spans.add(
        ok(
            "BATCH UPDATE owners",
            query(db, "UPDATE owners SET name = ? WHERE id = ?", "BATCH UPDATE")
                .collection("owners")
                .batch(2)));
    spans.add(
        ok(
            "DELETE owners",
            query(db, "DELETE FROM owners WHERE name = ?", "DELETE").collection("owners")));
    // GET /owners/1: a child of the server span, not a root.
    spans.add(
        new SpanView(
            "SELECT owners",
            Span.SpanKind.SPAN_KIND_CLIENT,
            query(db, "SELECT name FROM owners WHERE id = ?", "SELECT").collection("owners").map,
            Status.StatusCode.STATUS_CODE_UNSET,
            false,
            List.of()));
    return spans;
  }

  private static Attributes query(Map<String, Object> db, String text, String operation) {
    return new Attributes(db).with("db.query.text", text).with("db.operation.name", operation);
  }

  private static SpanView ok(String name, Attributes attributes) {
    return new SpanView(
        name,
        Span.SpanKind.SPAN_KIND_CLIENT,
        attributes.map,
        Status.StatusCode.STATUS_CODE_UNSET,
        true,
        List.of());
  }

  /** An attribute map built by hand from the semantic conventions. */
  private static final class Attributes {
    final Map<String, Object> map;

    Attributes(Map<String, Object> db) {
      map = new TreeMap<>(db);
    }

    Attributes with(String key, Object value) {
      map.put(key, value);
      return this;
    }

    Attributes collection(String name) {
      return with("db.collection.name", name);
    }

    Attributes batch(long size) {
      return with("db.operation.batch.size", size);
    }
  }

  /** What the test compares of a span; events as "name exception.type". */
  record SpanView(
      String name,
      Span.SpanKind kind,
      Map<String, Object> attributes,
      Status.StatusCode status,
      boolean root,
      List<String> events) {
    static SpanView of(Span span) {
      List<String> events = new ArrayList<>();
      for (Span.Event event : span.getEventsList()) {
        events.add(
            event.getName()
                + " "
                + OtlpReceiver.attributes(event.getAttributesList()).get("exception.type"));
      }
      return new SpanView(
          span.getName(),
          span.getKind(),
          OtlpReceiver.attributes(span.getAttributesList()),
          span.getStatus().getCode(),
          span.getParentSpanId().isEmpty(),
          events);
    }
  }
}
