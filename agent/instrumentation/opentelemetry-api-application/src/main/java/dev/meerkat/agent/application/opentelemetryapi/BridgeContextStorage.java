package dev.meerkat.agent.application.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.ApiHook;
import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;

/**
 * The application's context storage, kept inside the agent's: attaching an application context
 * makes current an agent context with the matching agent span (so agent spans started inside are
 * its children), and the current application context is rebuilt from the agent's current one (so
 * {@code Span.current()} is the agent's server span inside a request).
 */
final class BridgeContextStorage implements ContextStorage {
  @Override
  public Scope attach(Context toAttach) {
    ApiHook hook = OpenTelemetryApiBridge.hook;
    if (toAttach == null || hook == null) {
      return Scope.noop();
    }
    Object agentSpan = Bridging.agentSpan(Span.fromContextOrNull(toAttach));
    AutoCloseable scope = hook.attach(new Attached(toAttach, agentSpan), agentSpan);
    return scope == null ? Scope.noop() : new BridgeScope(scope);
  }

  @Override
  public Context current() {
    ApiHook hook = OpenTelemetryApiBridge.hook;
    if (hook == null) {
      return null;
    }
    Object agentContext = hook.currentContext();
    Object state = hook.attached(agentContext);
    Object agentSpan = hook.span(agentContext);
    if (state instanceof Attached) {
      Attached attached = (Attached) state;
      if (attached.agentSpan == agentSpan) {
        // Nothing the agent started since: exactly what the application made current.
        return attached.context;
      }
      return attached.context.with(
          agentSpan == null ? Span.getInvalid() : new BridgeSpan(agentSpan));
    }
    Context root = Context.root();
    return agentSpan == null ? root : root.with(new BridgeSpan(agentSpan));
  }
}
