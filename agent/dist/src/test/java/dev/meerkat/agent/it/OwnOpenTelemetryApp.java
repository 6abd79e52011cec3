package dev.meerkat.agent.it;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;

/**
 * An application that ships its own OpenTelemetry SDK; it then runs {@link TestApp}. Prints which
 * loader its OpenTelemetry classes come from and that they work.
 */
public final class OwnOpenTelemetryApp {
  private OwnOpenTelemetryApp() {}

  public static void main(String[] args) throws IOException {
    SpanContext context =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    String language =
        Resource.getDefault().getAttribute(AttributeKey.stringKey("telemetry.sdk.language"));
    System.out.println(
        "OWN-OTEL loader="
            + (Span.class.getClassLoader() == ClassLoader.getSystemClassLoader() ? "app" : "other")
            + " valid="
            + Span.wrap(context).getSpanContext().isValid()
            + " sdk="
            + language);
    TestApp.main(args);
  }
}
