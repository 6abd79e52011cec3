package dev.meerkat.agent.benchmarks;

import dev.meerkat.agent.tooling.HttpServerCall;
import dev.meerkat.agent.tooling.HttpServerRequest;
import dev.meerkat.agent.tooling.HttpServerTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request work of a server instrumentation: start a SERVER span with the semconv request
 * attributes, set the route, end it with a status (which records the duration histogram), through
 * the SDK's batch processor into an exporter that drops everything. {@code sampled=false} is the
 * cost left for requests the sampler drops (the histogram is still recorded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpanBenchmark {
  @Param({"true", "false"})
  public boolean sampled;

  private OpenTelemetrySdk sdk;
  private HttpServerTelemetry telemetry;

  @Setup
  public void setUp() {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(sampled ? Sampler.alwaysOn() : Sampler.alwaysOff())
                    .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().build())
            .build();
    telemetry = HttpServerTelemetry.create(InstrumentationContext.forTesting("bench", sdk));
  }

  @TearDown
  public void tearDown() {
    sdk.close();
  }

  @Benchmark
  public HttpServerCall serverSpanWithAttributes() {
    HttpServerCall call =
        telemetry.start(
            Context.root(),
            HttpServerRequest.create("GET")
                .scheme("http")
                .path("/owners/42")
                .server("127.0.0.1", 8080)
                .clientAddress("127.0.0.1")
                .userAgent("bench/1.0"));
    call.route("/owners/{ownerId}");
    call.end(200, null);
    return call;
  }

  /** Accepts and forgets every batch: the benchmark measures the application thread only. */
  static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
