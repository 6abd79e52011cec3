package dev.meerkat.agent.instrumentation.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebFluxTracerTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final WebFluxTracer tracer =
      new WebFluxTracer(
          InstrumentationContext.forTesting(
              "spring-webflux",
              OpenTelemetrySdk.builder()
                  .setTracerProvider(
                      SdkTracerProvider.builder()
                          .addSpanProcessor(SimpleSpanProcessor.create(spans))
                          .build())
                  .setPropagators(
                      ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                  .build()));

  private Object start(String... fieldValues) {
    return tracer.start(
        "GET", "http", "/owners/1", null, "localhost", 8080, "127.0.0.1", "ua", fieldValues);
  }

  @Test
  void onlyServerErrorsRecordTheException() {
    IllegalStateException notFound = new IllegalStateException("no handler");
    tracer.end(start(), 404, null, notFound);
    IllegalStateException boom = new IllegalStateException("boom");
    tracer.end(start(), 500, "/owners/{ownerId}", boom);

    List<SpanData> ended = spans.getFinishedSpanItems();
    assertThat(ended).extracting(SpanData::getName).containsExactly("GET", "GET /owners/{ownerId}");
    assertThat(ended.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(ended.get(0).getEvents()).isEmpty();
    assertThat(ended.get(0).getAttributes().get(AttributeKey.stringKey("error.type"))).isNull();
    assertThat(ended.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(ended.get(1).getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    assertThat(ended.get(1).getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void endsOnceAndTakesTheRemoteParent() {
    String[] fields = tracer.propagationFields();
    String[] values = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].equals("traceparent")) {
        values[i] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
      }
    }
    Object call = start(values);
    tracer.end(call, 200, "/owners/{ownerId}", null);
    tracer.end(call, 500, null, new IllegalStateException("late"));

    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void startsNothingInsideAnotherServerCallAndCarriesOnlyRealContexts() {
    Object outer = start();
    Scope scope = (Scope) tracer.enter(outer);
    try {
      assertThat(start()).isNull();
      assertThat(tracer.capture()).isSameAs(Context.current());
    } finally {
      tracer.exit(scope);
    }
    assertThat(tracer.capture()).isNull();
    tracer.end(outer, 200, null, null);
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
  }
}
