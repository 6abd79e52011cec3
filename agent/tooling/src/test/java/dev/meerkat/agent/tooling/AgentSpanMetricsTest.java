package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentSpanMetricsTest {
  private final AgentSpanMetrics metrics = new AgentSpanMetrics();
  private final BlockingQueue<Collection<SpanData>> batches = new ArrayBlockingQueue<>(10);
  private final CompletableResultCode pending = new CompletableResultCode();

  @Test
  void dropsAndCountsWhatExceedsTheQueueAndCountsExportsWhenTheyComplete() throws Exception {
    // The batch processor itself would hold 100 and export only on flush (1 h delay).
    BatchSpanProcessor batch =
        BatchSpanProcessor.builder(metrics.wrap(exporter()))
            .setScheduleDelay(Duration.ofHours(1))
            .setMaxQueueSize(100)
            .setMaxExportBatchSize(100)
            .build();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(metrics.processor())
            .addSpanProcessor(metrics.bound(batch, 2))
            .build()) {
      Tracer tracer = provider.get("test");
      for (int i = 0; i < 5; i++) {
        tracer.spanBuilder("span-" + i).startSpan().end();
      }

      assertThat(counts()).containsExactly(5L, 5L, 3L, 2L, 0L, 0L);

      CompletableResultCode flushed = provider.forceFlush();
      Collection<SpanData> exported = batches.poll(10, TimeUnit.SECONDS);
      assertThat(exported).extracting(SpanData::getName).containsExactly("span-0", "span-1");
      assertThat(counts()).containsExactly(5L, 5L, 3L, 0L, 0L, 0L);

      pending.succeed();
      // The flush completes once the export thread has seen the result: only then is it counted.
      assertThat(flushed.join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(counts()).containsExactly(5L, 5L, 3L, 0L, 2L, 0L);
    }
  }

  @Test
  void unsampledSpansAreNeitherQueuedNorDropped() {
    BatchSpanProcessor batch = BatchSpanProcessor.builder(metrics.wrap(exporter())).build();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setSampler(Sampler.alwaysOff())
            .addSpanProcessor(metrics.processor())
            .addSpanProcessor(metrics.bound(batch, 2))
            .build()) {
      for (int i = 0; i < 5; i++) {
        provider.get("test").spanBuilder("span").startSpan().end();
      }

      assertThat(counts()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
    }
  }

  @Test
  void failedExportsAreCounted() {
    SpanExporter failing =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofFailure();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    BatchSpanProcessor batch = BatchSpanProcessor.builder(metrics.wrap(failing)).build();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(metrics.processor())
            .addSpanProcessor(metrics.bound(batch, 10))
            .build()) {
      provider.get("test").spanBuilder("span").startSpan().end();
      provider.forceFlush().join(10, TimeUnit.SECONDS);

      assertThat(counts()).containsExactly(1L, 1L, 0L, 0L, 0L, 1L);
    }
  }

  /** started, ended, dropped, queued, exported, failed. */
  private Long[] counts() {
    return new Long[] {
      metrics.started.sum(),
      metrics.ended.sum(),
      metrics.dropped.sum(),
      metrics.queued.get(),
      metrics.exported.sum(),
      metrics.failed.sum()
    };
  }

  private SpanExporter exporter() {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        batches.add(spans);
        return pending;
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
  }
}
