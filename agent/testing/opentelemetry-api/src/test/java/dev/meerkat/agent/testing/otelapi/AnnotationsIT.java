package dev.meerkat.agent.testing.otelapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.manual.WithSpanApp;
import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.OtlpReceiver;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.agent.testing.TestJdks;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.Event;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @WithSpan} methods of {@link WithSpanApp} get exact spans, with the minimum (1.32) and the
 * latest annotations and API on the application's class path.
 */
class AnnotationsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String APP = WithSpanApp.class.getName();

  static Stream<Arguments> jdksAndVersions() {
    return TestJdks.homes().stream()
        .flatMap(jdk -> Stream.of(Arguments.of(jdk, "min"), Arguments.of(jdk, "latest")));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("jdksAndVersions")
  void annotatedMethodsGetExactSpans(Path jdk, String versions) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ChildJvm app =
            ChildJvm.start(
                jdk,
                List.of(
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                    "-Dotel.bsp.schedule.delay=100",
                    "-Dotel.metrics.exporter=none"),
                AppLibs.classPath(versions),
                APP)) {
      app.awaitStdout("DONE"::equals, TIMEOUT);
      assertThat(app.stdout()).containsExactly("RETHROWN-SAME", "DONE");
      Spans spans =
          new Spans(
              Poll.until(
                  TIMEOUT,
                  receiver::spans,
                  s -> s.size() >= 8,
                  () -> "spans: " + receiver.spans()));
      assertThat(spans.names())
          .containsExactly(
              "WithSpanApp.afterReturn",
              "WithSpanApp.async",
              "WithSpanApp.asyncFailing",
              "WithSpanApp.attributes",
              "WithSpanApp.failing",
              "WithSpanApp.newTrace",
              "WithSpanApp.scenario",
              "custom-name");

      Span scenario = spans.named("WithSpanApp.scenario");
      assertThat(scenario.getParentSpanId().isEmpty()).isTrue();
      assertSpan(
          scenario, SpanKind.SPAN_KIND_INTERNAL, Map.of("code.function.name", APP + ".scenario"));
      for (String child :
          List.of(
              "custom-name",
              "WithSpanApp.attributes",
              "WithSpanApp.failing",
              "WithSpanApp.async",
              "WithSpanApp.afterReturn",
              "WithSpanApp.asyncFailing")) {
        assertThat(Spans.traceId(spans.named(child))).isEqualTo(Spans.traceId(scenario));
        assertThat(Spans.parentId(spans.named(child))).as(child).isEqualTo(Spans.spanId(scenario));
      }
      assertSpan(
          spans.named("custom-name"),
          SpanKind.SPAN_KIND_PRODUCER,
          Map.of("code.function.name", APP + ".named"));
      assertSpan(
          spans.named("WithSpanApp.attributes"),
          SpanKind.SPAN_KIND_INTERNAL,
          Map.of(
              "code.function.name",
              APP + ".attributes",
              "text",
              "text",
              "count",
              42L,
              "big",
              7L,
              "flag",
              true,
              "ratio",
              1.5,
              "list",
              "[a, b]",
              "unnamed",
              "unnamed"));

      Span failing = spans.named("WithSpanApp.failing");
      assertThat(failing.getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
      assertException(failing, "java.lang.IllegalStateException", "boom");

      // The future's span ends when the future completes, after the method returned.
      Span async = spans.named("WithSpanApp.async");
      assertSpan(async, SpanKind.SPAN_KIND_INTERNAL, Map.of("code.function.name", APP + ".async"));
      assertThat(async.getEndTimeUnixNano())
          .isGreaterThan(spans.named("WithSpanApp.afterReturn").getEndTimeUnixNano());
      Span asyncFailing = spans.named("WithSpanApp.asyncFailing");
      assertThat(asyncFailing.getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
      assertException(asyncFailing, "java.lang.IllegalArgumentException", "async boom");

      Span newTrace = spans.named("WithSpanApp.newTrace");
      assertSpan(
          newTrace, SpanKind.SPAN_KIND_INTERNAL, Map.of("code.function.name", APP + ".newTrace"));
      if (versions.equals("latest")) {
        // inheritContext = false (annotations 2.14+): a new trace.
        assertThat(newTrace.getParentSpanId().isEmpty()).isTrue();
        assertThat(Spans.traceId(newTrace)).isNotEqualTo(Spans.traceId(scenario));
      } else {
        // 1.32 has no inheritContext: the element is ignored, the span is a child as usual.
        assertThat(Spans.parentId(newTrace)).isEqualTo(Spans.spanId(scenario));
      }
      assertThat(app.agentWarningsAndErrors()).isEmpty();
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent] INFO"))
          .isEmpty();
    }
  }

  private static void assertSpan(Span span, SpanKind kind, Map<String, Object> attributes) {
    assertThat(span.getKind()).as(span.getName()).isEqualTo(kind);
    assertThat(Spans.attributes(span)).as(span.getName()).isEqualTo(attributes);
    assertThat(span.getStatus().getCode())
        .as(span.getName())
        .isEqualTo(StatusCode.STATUS_CODE_UNSET);
  }

  private static void assertException(Span span, String type, String message) {
    assertThat(span.getEventsList()).extracting(Event::getName).containsExactly("exception");
    Map<String, Object> event = OtlpReceiver.attributes(span.getEvents(0).getAttributesList());
    assertThat(event.keySet())
        .containsExactlyInAnyOrder("exception.type", "exception.message", "exception.stacktrace");
    assertThat(event)
        .containsEntry("exception.type", type)
        .containsEntry("exception.message", message);
    assertThat((String) event.get("exception.stacktrace")).startsWith(type + ": " + message);
  }
}
