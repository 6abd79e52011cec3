package dev.meerkat.agent.instrumentation.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RpcTelemetryTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();

  private RpcTelemetry telemetry(Sampler sampler) {
    return RpcTelemetry.create(
        InstrumentationContext.forTesting(
            "grpc",
            OpenTelemetrySdk.builder()
                .setTracerProvider(
                    SdkTracerProvider.builder()
                        .setSampler(sampler)
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build()));
  }

  @Test
  void clientFailsOnAnyCodeButServerOnlyOnServerErrors() {
    RpcTelemetry telemetry = telemetry(Sampler.alwaysOn());
    telemetry.start(Context.root(), SpanKind.CLIENT, "demo.Greeter/SayHello", "h:1").end(5, null);
    telemetry.start(Context.root(), SpanKind.SERVER, "demo.Greeter/SayHello", "h:1").end(5, null);
    telemetry.start(Context.root(), SpanKind.SERVER, "demo.Greeter/SayHello", "h:1").end(14, null);
    IOException cause = new IOException("reset");
    telemetry.start(Context.root(), SpanKind.SERVER, "demo.Greeter/SayHello", "h:1").end(2, cause);

    List<SpanData> ended = spans.getFinishedSpanItems();
    assertThat(ended)
        .extracting(s -> s.getStatus().getStatusCode())
        .containsExactly(StatusCode.ERROR, StatusCode.UNSET, StatusCode.ERROR, StatusCode.ERROR);
    assertThat(ended.get(3).getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    assertThat(ended.get(0).getName()).isEqualTo("demo.Greeter/SayHello");
    assertThat(ended.get(0).getAttributes().asMap())
        .isEqualTo(
            Attributes.builder()
                .put(RpcTelemetry.RPC_SYSTEM, "grpc")
                .put(RpcTelemetry.RPC_SERVICE, "demo.Greeter")
                .put(RpcTelemetry.RPC_METHOD, "SayHello")
                .put(RpcTelemetry.SERVER_ADDRESS, "h")
                .put(RpcTelemetry.SERVER_PORT, 1L)
                .put(RpcTelemetry.RPC_GRPC_STATUS_CODE, 5L)
                .build()
                .asMap());
  }

  @Test
  void recordsDurationsOfUnsampledCallsAndEndsOnce() {
    RpcTelemetry telemetry = telemetry(Sampler.alwaysOff());
    RpcCall call = telemetry.start(Context.root(), SpanKind.SERVER, "a.B/C", "[::1]:50051");
    call.end(0, null);
    call.end(13, null);

    assertThat(spans.getFinishedSpanItems()).isEmpty();
    MetricData server =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("rpc.server.duration"))
            .findFirst()
            .orElseThrow();
    assertThat(server.getUnit()).isEqualTo("ms");
    List<Attributes> points =
        server.getHistogramData().getPoints().stream()
            .map(p -> p.getAttributes())
            .collect(Collectors.toList());
    assertThat(points)
        .containsExactly(
            Attributes.builder()
                .put(RpcTelemetry.RPC_SYSTEM, "grpc")
                .put(RpcTelemetry.RPC_SERVICE, "a.B")
                .put(RpcTelemetry.RPC_METHOD, "C")
                .put(RpcTelemetry.SERVER_ADDRESS, "[::1]")
                .put(RpcTelemetry.SERVER_PORT, 50051L)
                .put(RpcTelemetry.RPC_GRPC_STATUS_CODE, 0L)
                .build());
  }
}
