package dev.meerkat.agent.bootstrap.annotations;

/** Traces methods annotated with {@code @WithSpan}; spans and scopes are passed as Object. */
public interface WithSpanHook {
  /**
   * Starts the method's span and makes it current; returns what {@link #end} needs, or null.
   *
   * @param type the class that declares the method
   * @param method the method's name and descriptor, {@code "name(Ljava/lang/String;)V"}
   * @param arguments the arguments, for {@code @SpanAttribute} parameters; null when it has none
   */
  Object start(Class<?> type, String method, Object[] arguments);

  /**
   * Leaves the span's scope and ends the span, now or, for a {@code CompletionStage} result, when
   * it completes. {@code error} is what the method threw (rethrown unchanged by the method).
   */
  void end(Object call, Object returned, Throwable error);
}
