package dev.meerkat.agent.instrumentation.kafkaclients;

import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The producer {@code Callback} handed to Kafka (as a proxy of the interface): ends the send span
 * when Kafka reports the record's fate, then runs the application's callback, if any, in the
 * context the application sent from. Its exceptions reach Kafka unchanged.
 */
final class AcknowledgementHandler implements InvocationHandler {
  private final SendCall call;
  private final Object delegate;

  AcknowledgementHandler(SendCall call, Object delegate) {
    this.call = call;
    this.delegate = delegate;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    // Callback.onCompletion(RecordMetadata metadata, Exception exception), its only method.
    if (args != null && args.length == 2) {
      call.end(args[0], (Throwable) args[1]);
    }
    if (delegate == null) {
      return null;
    }
    Scope scope = call.parent.makeCurrent();
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      scope.close();
    }
  }

  private Object objectMethod(Object proxy, Method method, Object[] args) {
    String name = method.getName();
    if (name.equals("equals")) {
      return proxy == args[0];
    }
    if (name.equals("hashCode")) {
      return System.identityHashCode(proxy);
    }
    return "TracingCallback(" + delegate + ")";
  }
}
