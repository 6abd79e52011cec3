package dev.meerkat.agent.instrumentation.opentelemetryapi;

/**
 * Names of the application's OpenTelemetry classes. The agent jar's shade step rewrites every
 * string constant that starts with {@code io.opentelemetry} to the relocated name; these must name
 * the application's own classes, so each is written with a leading '!' that is cut off at run time.
 */
final class ApplicationNames {
  static final String CONTEXT_STORAGE = unrelocated("!io.opentelemetry.context.ContextStorage");
  static final String GLOBAL_OPEN_TELEMETRY =
      unrelocated("!io.opentelemetry.api.GlobalOpenTelemetry");
  static final String SPAN = unrelocated("!io.opentelemetry.api.trace.Span");

  /** The bridge classes' package, defined in the application's class loader. */
  static final String BRIDGE_PACKAGE = "dev.meerkat.agent.application.opentelemetryapi.";

  private ApplicationNames() {}

  private static String unrelocated(String name) {
    return name.substring(1);
  }
}
