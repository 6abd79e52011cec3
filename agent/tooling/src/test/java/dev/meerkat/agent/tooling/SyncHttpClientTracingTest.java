package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class SyncHttpClientTracingTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SyncHttpClientTracing tracing =
      SyncHttpClientTracing.create(
          InstrumentationContext.forTesting(
              "test",
              OpenTelemetrySdk.builder()
                  .setTracerProvider(
                      SdkTracerProvider.builder()
                          .addSpanProcessor(SimpleSpanProcessor.create(spans))
                          .build())
                  .setPropagators(
                      ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                  .build()));

  @Test
  void injectsTheCallsSpanAndMakesItCurrentUntilTheEnd() {
    Object call = tracing.start("GET", "http://h/x", "h", -1, "http");
    String[] headers = tracing.headers(call);
    tracing.activate(call);
    Span current = Span.current();
    // A client inside the call is not traced.
    assertThat(tracing.start("GET", "http://h/inner", "h", -1, "http")).isNull();
    tracing.end(call, 200, null);

    assertThat(Span.current().getSpanContext().isValid()).isFalse();
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(current.getSpanContext()).isEqualTo(span.getSpanContext());
    assertThat(headers)
        .containsExactly(
            "traceparent",
            "00-"
                + span.getTraceId()
                + "-"
                + span.getSpanId()
                + "-"
                + span.getSpanContext().getTraceFlags().asHex());
    assertThat(span.getAttributes().get(HttpAttributes.SERVER_PORT)).isEqualTo(80L);
  }

  @Test
  void endsAFailedCallThatWasNeverActivated() {
    Object call = tracing.start("GET", "http://h:1/x", "h", 1, "http");
    tracing.end(call, -1, new ConnectException("refused"));

    assertThat(Context.current()).isSameAs(Context.root());
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(HttpAttributes.ERROR_TYPE))
        .isEqualTo("java.net.ConnectException");
  }

  @Test
  void nullCallsAreNoOps() {
    assertThat(tracing.headers(null)).isEmpty();
    tracing.activate(null);
    tracing.end(null, 200, null);
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }
}
