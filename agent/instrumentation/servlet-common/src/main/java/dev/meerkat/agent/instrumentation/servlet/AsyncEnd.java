package dev.meerkat.agent.instrumentation.servlet;

import dev.meerkat.agent.tooling.InstrumentationContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * The {@code AsyncListener} (a JDK proxy of the application's servlet interface, which the agent
 * class loader cannot implement directly) that ends an async request's span when its async context
 * completes or fails. On a restart of async processing it registers itself again, as the servlet
 * specification asks.
 */
final class AsyncEnd implements InvocationHandler {
  private final InstrumentationContext context;
  private final ServletApi.Handles handles;
  private final ServletCall call;
  private final Object response;

  AsyncEnd(
      InstrumentationContext context,
      ServletApi.Handles handles,
      ServletCall call,
      Object response) {
    this.context = context;
    this.handles = handles;
    this.call = call;
    this.response = response;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    String name = method.getName();
    switch (name) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "Meerkat async request listener";
      default:
        break;
    }
    try {
      if (name.equals("onComplete")) {
        call.end(handles.status(response), null);
      } else if (name.equals("onError")) {
        call.end(handles.status(response), handles.eventThrowable(args[0]));
      } else if (name.equals("onStartAsync")) {
        handles.addListener(handles.eventAsyncContext(args[0]), proxy);
      }
      // onTimeout: the container then dispatches an error or completes; onComplete ends the span.
    } catch (Throwable t) {
      context.fail(t);
    }
    return null;
  }
}
