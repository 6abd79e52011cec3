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
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's own span counters, exported with the JVM metrics as {@code meerkat.agent.spans.*}:
 * spans started and ended (recorded spans, seen by a span processor), exported and failed (spans in
 * export calls that succeeded or failed, seen by wrapping the exporter). Spans dropped because the
 * batch queue was full, and the queue's size, are the SDK's own semantic-convention metrics ({@code
 * otel.sdk.processor.span.processed} with {@code error.type=queue_full}, {@code
 * otel.sdk.processor.span.queue.size}): the batch processor is the one place that knows them.
 */
final class AgentSpanMetrics {
  final LongAdder started = new LongAdder();
  final LongAdder ended = new LongAdder();
  final LongAdder exported = new LongAdder();
  final LongAdder failed = new LongAdder();

  SpanProcessor processor() {
    return new CountingProcessor(this);
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
