package dev.meerkat.agent.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * {@link ContextTask} for the two-argument CompletableFuture callbacks (handle, whenComplete...).
 */
@SuppressWarnings({"unchecked", "rawtypes", "overloads"})
final class ContextBiCallback
    implements BiFunction<Object, Object, Object>, BiConsumer<Object, Object> {
  final Context context;
  final Object delegate;

  ContextBiCallback(Context context, Object delegate) {
    this.context = context;
    this.delegate = delegate;
  }

  @Override
  public Object apply(Object first, Object second) {
    Scope scope = context.makeCurrent();
    try {
      return ((BiFunction) delegate).apply(first, second);
    } finally {
      scope.close();
    }
  }

  @Override
  public void accept(Object first, Object second) {
    Scope scope = context.makeCurrent();
    try {
      ((BiConsumer) delegate).accept(first, second);
    } finally {
      scope.close();
    }
  }

  @Override
  public String toString() {
    return String.valueOf(delegate);
  }
}
