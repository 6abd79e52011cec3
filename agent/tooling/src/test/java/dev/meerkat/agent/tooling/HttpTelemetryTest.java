package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpTelemetryTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();

  private InstrumentationContext context(Sampler sampler) {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(sampler)
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    return InstrumentationContext.forTesting("test", sdk);
  }

  @Test
  void clientMarksFourHundredsAsErrorsButServerDoesNot() {
    InstrumentationContext context = context(Sampler.alwaysOn());
    HttpClientTelemetry.create(context)
        .start(Context.root(), "GET", "http://h:81/x", "h", 81, "http")
        .end(404, null);
    HttpServerTelemetry.create(context)
        .start(Context.root(), HttpServerRequest.create("GET").route("/x"))
        .end(404, null);

    List<SpanData> ended = spans.getFinishedSpanItems();
    assertThat(ended.get(0).getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(ended.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(ended.get(0).getAttributes().get(HttpAttributes.ERROR_TYPE)).isEqualTo("404");
    assertThat(ended.get(1).getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(ended.get(1).getName()).isEqualTo("GET /x");
    assertThat(ended.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(ended.get(1).getAttributes().get(HttpAttributes.ERROR_TYPE)).isNull();
    assertThat(ended.get(1).getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE))
        .isEqualTo(404L);
  }

  @Test
  void serverExceptionIsRecordedAndTheRouteNamesTheSpan() {
    HttpServerCall call =
        HttpServerTelemetry.create(context(Sampler.alwaysOn()))
            .start(Context.root(), HttpServerRequest.create("POST").path("/owners/7"));
    call.route("/owners/{ownerId}");
    call.end(500, new IllegalStateException("boom"));

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("POST /owners/{ownerId}");
    assertThat(span.getAttributes().get(HttpAttributes.HTTP_ROUTE)).isEqualTo("/owners/{ownerId}");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(HttpAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
  }

  @Test
  void clientExceptionWithoutResponseSetsErrorTypeToTheExceptionClass() {
    HttpClientTelemetry.create(context(Sampler.alwaysOn()))
        .start(Context.root(), "GET", "https://h/x", "h", -1, "https")
        .end(-1, new IOException("reset"));

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(HttpAttributes.ERROR_TYPE))
        .isEqualTo("java.io.IOException");
    assertThat(span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE)).isNull();
    assertThat(span.getAttributes().get(HttpAttributes.SERVER_PORT)).isEqualTo(443L);
  }

  @Test
  void aClientCallInsideAnotherIsNotTracedTwice() {
    HttpClientTelemetry telemetry = HttpClientTelemetry.create(context(Sampler.alwaysOn()));
    HttpClientCall outer = telemetry.start(Context.root(), "GET", "http://h/", "h", 80, "http");

    assertThat(telemetry.start(outer.context(), "GET", "http://h/", "h", 80, "http")).isNull();
    outer.end(200, null);
    outer.end(200, null);

    assertThat(spans.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void durationsAreRecordedForEveryRequestEvenWhenNoneIsSampled() {
    HttpServerTelemetry telemetry = HttpServerTelemetry.create(context(Sampler.alwaysOff()));
    for (int i = 0; i < 3; i++) {
      HttpServerCall call =
          telemetry.start(Context.root(), HttpServerRequest.create("GET").scheme("http"));
      call.route("/items/{id}");
      call.end(i == 2 ? 503 : 200, null);
    }

    assertThat(spans.getFinishedSpanItems()).isEmpty();
    MetricData duration = only(metrics.collectAllMetrics());
    assertThat(duration.getName()).isEqualTo("http.server.request.duration");
    assertThat(duration.getUnit()).isEqualTo("s");
    assertThat(duration.getHistogramData().getPoints())
        .extracting(HistogramPointData::getAttributes, HistogramPointData::getCount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                Attributes.builder()
                    .put(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
                    .put(HttpAttributes.URL_SCHEME, "http")
                    .put(HttpAttributes.HTTP_ROUTE, "/items/{id}")
                    .put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L)
                    .build(),
                2L),
            org.assertj.core.groups.Tuple.tuple(
                Attributes.builder()
                    .put(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
                    .put(HttpAttributes.URL_SCHEME, "http")
                    .put(HttpAttributes.HTTP_ROUTE, "/items/{id}")
                    .put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 503L)
                    .put(HttpAttributes.ERROR_TYPE, "503")
                    .build(),
                1L));
    assertThat(duration.getHistogramData().getPoints().iterator().next().getBoundaries())
        .isEqualTo(HttpAttributes.DURATION_BUCKETS);
  }

  @Test
  void unknownMethodsAreReportedAsOther() {
    assertThat(HttpAttributes.knownMethod("PROPFIND")).isEqualTo("_OTHER");
    assertThat(HttpAttributes.knownMethod("PATCH")).isEqualTo("PATCH");
    assertThat(HttpAttributes.port(-1, "https")).isEqualTo(443);
    assertThat(HttpAttributes.port(-1, "http")).isEqualTo(80);
    assertThat(HttpAttributes.port(8080, "http")).isEqualTo(8080);
  }

  private static MetricData only(java.util.Collection<MetricData> all) {
    assertThat(all).hasSize(1);
    return all.iterator().next();
  }
}
