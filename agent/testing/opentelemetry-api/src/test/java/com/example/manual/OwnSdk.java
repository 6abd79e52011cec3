package com.example.manual;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * {@link ApiBridgeApp}'s own SDK, in a class of its own so the app also runs without the SDK jars.
 * Its span processor stands for the application's own exporter.
 */
final class OwnSdk {
  private OwnSdk() {}

  /** Builds the SDK, registers it as the global one, and returns its tracer provider. */
  static Object registerGlobally() {
    SpanProcessor processor =
        new SpanProcessor() {
          @Override
          public void onStart(Context parent, ReadWriteSpan span) {}

          @Override
          public boolean isStartRequired() {
            return false;
          }

          @Override
          public void onEnd(ReadableSpan span) {
            System.out.println("OWN-ENDED " + span.getName());
          }

          @Override
          public boolean isEndRequired() {
            return true;
          }
        };
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(processor).build())
            .build();
    GlobalOpenTelemetry.set(sdk);
    return sdk.getTracerProvider();
  }

  /** "true|false traceId spanId parentSpanId": whether the span is the SDK's, and its ids. */
  static String describe(Span span) {
    boolean own = span instanceof ReadableSpan;
    return own
        + " "
        + span.getSpanContext().getTraceId()
        + " "
        + span.getSpanContext().getSpanId()
        + " "
        + (own ? ((ReadableSpan) span).getParentSpanContext().getSpanId() : "-");
  }
}
