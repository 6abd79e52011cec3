package dev.meerkat.agent.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the Redis ITs expect of a command's span. */
final class RedisSpans {
  private RedisSpans() {}

  /** The CLIENT spans of a trace in start order, after checking they are the server's children. */
  static List<Span> commandsUnder(List<Span> spans) {
    List<Span> servers =
        spans.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER).toList();
    assertThat(servers).hasSize(1);
    Span server = servers.get(0);
    List<Span> commands =
        spans.stream()
            .filter(s -> s != server)
            .sorted(Comparator.comparingLong(Span::getStartTimeUnixNano))
            .toList();
    assertThat(commands)
        .allSatisfy(
            s -> {
              assertThat(s.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
              assertThat(s.getTraceId()).isEqualTo(server.getTraceId());
              assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId());
            });
    return commands;
  }

  /** The exact attributes of a command span. {@code database} null: the client does not know. */
  static Map<String, Object> attributes(
      String command, String queryText, int port, String database, String errorType) {
    Map<String, Object> attributes = new TreeMap<>();
    attributes.put("db.system", "redis");
    attributes.put("db.operation.name", command);
    attributes.put("db.query.text", queryText);
    attributes.put("server.address", "127.0.0.1");
    attributes.put("server.port", (long) port);
    if (database != null) {
      attributes.put("db.namespace", database);
    }
    if (errorType != null) {
      attributes.put("error.type", errorType);
    }
    return attributes;
  }

  static void assertCommand(
      Span span, String queryText, int port, String database, String errorType) {
    String command = queryText.split(" ")[0];
    assertThat(span.getName()).isEqualTo(command);
    assertThat(OtlpReceiver.attributes(span.getAttributesList()))
        .isEqualTo(attributes(command, queryText, port, database, errorType));
    if (errorType == null) {
      assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
      assertThat(span.getEventsList()).isEmpty();
    } else {
      assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
      assertThat(span.getEventsList()).extracting(Span.Event::getName).containsExactly("exception");
    }
  }
}
