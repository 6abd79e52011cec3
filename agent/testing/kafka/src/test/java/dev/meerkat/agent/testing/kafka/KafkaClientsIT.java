package dev.meerkat.agent.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A child JVM with the real agent sends to and consumes from a real KRaft broker (one for the whole
 * class), with the oldest and latest tested kafka-clients, on every test JDK: the producer span is
 * a child of the server span, the process span a child of the producer span, in one trace.
 */
class KafkaClientsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");
  private static final Path CLIENTS = Path.of(System.getProperty("meerkat.kafka.clients"));
  private static final AtomicInteger RUN = new AtomicInteger();
  private static KafkaBroker broker;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  static Stream<Arguments> jdksAndVersions() {
    List<Arguments> runs = new ArrayList<>();
    for (Path jdk : TestJdks.homes()) {
      for (String version : System.getProperty("meerkat.kafka.versions").split(",")) {
        runs.add(Arguments.of(jdk, version));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0}, kafka-clients {1}")
  @MethodSource("jdksAndVersions")
  void tracesSendAndProcessOfEachRecordInTheProducersTrace(Path jdk, String version)
      throws Exception {
    int run = RUN.incrementAndGet();
    String orders = "orders-" + run;
    String audit = "audit-" + run;
    broker.createTopics(orders, audit);
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.service.name=kafka-app",
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metric.export.interval=500"),
                classPath(version),
                KafkaApp.class.getName(),
                broker.bootstrapServers(),
                orders,
                audit)) {
      int port = app.awaitReadyPort(TIMEOUT);

      assertThat(get(port, "/send")).isEqualTo("200 offset 0");
      assertThat(get(port, "/send?big"))
          .isEqualTo("500 org.apache.kafka.common.errors.RecordTooLargeException");

      List<Span> spans =
          Poll.until(
              TIMEOUT, receiver::spans, s -> s.size() >= 8, () -> "spans: " + receiver.spans());
      assertThat(spans).hasSize(8);
      List<Span> sends = named(spans, "send " + orders);
      assertThat(sends).hasSize(2);
      Span sent = sends.stream().filter(s -> !isError(s)).findFirst().orElseThrow();
      Span failed = sends.stream().filter(KafkaClientsIT::isError).findFirst().orElseThrow();
      Span processed = single(spans, "process " + orders);
      Span forwarded = single(spans, "send " + audit);
      Span sentServer = serverSpanOf(spans, sent);
      Span failedServer = serverSpanOf(spans, failed);

      assertThat(sent.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
      assertThat(sent.getParentSpanId()).isEqualTo(sentServer.getSpanId());
      assertThat(sent.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
      assertThat(OtlpReceiver.attributes(sent.getAttributesList()))
          .isEqualTo(sendAttributes(orders, true));

      assertThat(processed.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
      assertThat(processed.getTraceId()).isEqualTo(sent.getTraceId());
      assertThat(processed.getParentSpanId()).isEqualTo(sent.getSpanId());
      assertThat(processed.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
      assertThat(OtlpReceiver.attributes(processed.getAttributesList()))
          .isEqualTo(processAttributes(orders, "it-group", "it-consumer"));

      // Sent while the order was processed: the process span is current during processing.
      assertThat(forwarded.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
      assertThat(forwarded.getTraceId()).isEqualTo(sent.getTraceId());
      assertThat(forwarded.getParentSpanId()).isEqualTo(processed.getSpanId());
      assertThat(OtlpReceiver.attributes(forwarded.getAttributesList()))
          .isEqualTo(sendAttributes(audit, true));

      // Read twice by the auditor: through records(partition), then records(topic).
      List<Span> audited = named(spans, "process " + audit);
      assertThat(audited).hasSize(2);
      for (Span span : audited) {
        assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
        assertThat(span.getTraceId()).isEqualTo(sent.getTraceId());
        assertThat(span.getParentSpanId()).isEqualTo(forwarded.getSpanId());
        assertThat(OtlpReceiver.attributes(span.getAttributesList()))
            .isEqualTo(processAttributes(audit, "it-audit-group", "it-auditor"));
      }

      assertThat(failed.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
      assertThat(failed.getParentSpanId()).isEqualTo(failedServer.getSpanId());
      assertThat(failed.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
      assertThat(failed.getEventsList())
          .extracting(Span.Event::getName)
          .containsExactly("exception");
      Map<String, Object> failedAttributes = new TreeMap<>(sendAttributes(orders, false));
      failedAttributes.put("error.type", "org.apache.kafka.common.errors.RecordTooLargeException");
      assertThat(OtlpReceiver.attributes(failed.getAttributesList())).isEqualTo(failedAttributes);

      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent]"))
          .isEmpty();
    }
  }

  private static Map<String, Object> processAttributes(String topic, String group, String client) {
    return Map.of(
        "messaging.system", "kafka",
        "messaging.operation.type", "process",
        "messaging.operation.name", "process",
        "messaging.destination.name", topic,
        "messaging.destination.partition.id", "0",
        "messaging.kafka.offset", 0L,
        "messaging.kafka.message.key", "order-1",
        "messaging.consumer.group.name", group,
        "messaging.client.id", client);
  }

  private static Map<String, Object> sendAttributes(String topic, boolean acknowledged) {
    Map<String, Object> attributes = new TreeMap<>();
    attributes.put("messaging.system", "kafka");
    attributes.put("messaging.operation.type", "send");
    attributes.put("messaging.operation.name", "send");
    attributes.put("messaging.destination.name", topic);
    attributes.put("messaging.client.id", "it-producer");
    attributes.put("messaging.kafka.message.key", "order-1");
    if (acknowledged) {
      attributes.put("messaging.destination.partition.id", "0");
      attributes.put("messaging.kafka.offset", 0L);
    }
    return attributes;
  }

  private static boolean isError(Span span) {
    return span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
  }

  private static List<Span> named(List<Span> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).toList();
  }

  private static Span single(List<Span> spans, String name) {
    List<Span> matching = named(spans, name);
    assertThat(matching).as("spans named %s in %s", name, spans).hasSize(1);
    return matching.get(0);
  }

  private static Span serverSpanOf(List<Span> spans, Span child) {
    List<Span> servers =
        spans.stream()
            .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
            .filter(s -> s.getTraceId().equals(child.getTraceId()))
            .toList();
    assertThat(servers).hasSize(1);
    return servers.get(0);
  }

  private static String classPath(String version) throws Exception {
    List<String> entries = new ArrayList<>();
    entries.add(TEST_CLASSES);
    try (Stream<Path> jars = Files.list(CLIENTS.resolve("kafka-" + version))) {
      jars.sorted().forEach(jar -> entries.add(jar.toString()));
    }
    return String.join(File.pathSeparator, entries);
  }

  private String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }
}
