package dev.meerkat.agent.instrumentation.annotations;

/**
 * The application's annotation class names. The agent jar's shade step rewrites every string
 * constant that starts with {@code io.opentelemetry} to the relocated name; these must name the
 * application's own classes, so each is written with a leading '!' that is cut off at run time.
 */
final class AnnotationNames {
  static final String WITH_SPAN =
      unrelocated("!io.opentelemetry.instrumentation.annotations.WithSpan");
  static final String SPAN_ATTRIBUTE =
      unrelocated("!io.opentelemetry.instrumentation.annotations.SpanAttribute");

  private AnnotationNames() {}

  private static String unrelocated(String name) {
    return name.substring(1);
  }
}
