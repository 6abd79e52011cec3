package dev.meerkat.agent.tooling;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's own span counters, exported with the JVM metrics as {@code meerkat.agent.spans.*}:
 * spans started and ended (recorded spans, seen by a span processor), dropped because the export
 * queue was full, waiting in the queue, and exported or failed (spans in export calls that
 * succeeded or failed, seen by wrapping the exporter).
 *
 * <p>The SDK's batch processor drops silently when its queue is full, so the bound is enforced
 * here, in front of it: a sampled span is handed to the batch processor only while fewer than
 * {@code otel.bsp.max.queue.size} spans are waiting for the exporter (in its queue or in the batch
 * it is assembling); otherwise it is dropped and counted. The batch processor's own queue, of the
 * same capacity, then never overflows.
 */
final class AgentSpanMetrics {
  final LongAdder started = new LongAdder();
  final LongAdder ended = new LongAdder();
  final LongAdder exported = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder dropped = new LongAdder();

  /** Sampled spans handed to the batch processor and not yet to the exporter. */
  final AtomicLong queued = new AtomicLong();

  SpanProcessor processor() {
    return new CountingProcessor(this);
  }

  /** Bounds {@code batch} (the SDK's batch processor) to {@code capacity} waiting spans. */
  SpanProcessor bound(SpanProcessor batch, int capacity) {
    return new BoundingProcessor(batch, capacity, this);
  }

  SpanExporter wrap(SpanExporter exporter) {
    return new CountingExporter(exporter, this);
  }

  void register(Meter meter) {
    counter(meter, "meerkat.agent.spans.started", "Spans started and recorded.", started);
    counter(meter, "meerkat.agent.spans.ended", "Recorded spans ended.", ended);
    counter(meter, "meerkat.agent.spans.exported", "Spans the exporter delivered.", exported);
    counter(
        meter,
        "meerkat.agent.spans.export_failed",
        "Spans in export calls that failed (collector down, slow or refusing).",
        failed);
    counter(
        meter,
        "meerkat.agent.spans.dropped",
        "Sampled spans dropped because the export queue was full.",
        dropped);
    meter
        .upDownCounterBuilder("meerkat.agent.spans.queue.size")
        .setDescription("Sampled spans waiting for the exporter.")
        .setUnit("{span}")
        .buildWithCallback(m -> m.record(queued.get()));
  }

  private static void counter(Meter meter, String name, String description, LongAdder adder) {
    meter
        .counterBuilder(name)
        .setDescription(description)
        .setUnit("{span}")
        .buildWithCallback(m -> m.record(adder.sum()));
  }

  private static final class CountingProcessor implements SpanProcessor {
    private final AgentSpanMetrics metrics;

    CountingProcessor(AgentSpanMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
      metrics.started.increment();
    }

    @Override
    public boolean isStartRequired() {
      return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      metrics.ended.increment();
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  private static final class BoundingProcessor implements SpanProcessor {
    private final SpanProcessor delegate;
    private final long capacity;
    private final AgentSpanMetrics metrics;

    BoundingProcessor(SpanProcessor delegate, int capacity, AgentSpanMetrics metrics) {
      this.delegate = delegate;
      this.capacity = capacity;
      this.metrics = metrics;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
      delegate.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
      return delegate.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
      if (!span.getSpanContext().isSampled()) {
        return; // the batch processor exports sampled spans only
      }
      if (metrics.queued.incrementAndGet() > capacity) {
        metrics.queued.decrementAndGet();
        metrics.dropped.increment();
        return;
      }
      delegate.onEnd(span);
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
      return delegate.forceFlush();
    }

    @Override
    public String toString() {
      return "Bounded" + delegate;
    }
  }

  private static final class CountingExporter implements SpanExporter {
    private final SpanExporter delegate;
    private final AgentSpanMetrics metrics;

    CountingExporter(SpanExporter delegate, AgentSpanMetrics metrics) {
      this.delegate = delegate;
      this.metrics = metrics;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      int count = spans.size();
      metrics.queued.addAndGet(-count);
      CompletableResultCode result;
      try {
        result = delegate.export(spans);
      } catch (RuntimeException e) {
        metrics.failed.add(count);
        throw e;
      }
      result.whenComplete(
          () -> (result.isSuccess() ? metrics.exported : metrics.failed).add(count));
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
