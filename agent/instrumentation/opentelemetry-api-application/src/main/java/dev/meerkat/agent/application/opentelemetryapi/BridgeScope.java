package dev.meerkat.agent.application.opentelemetryapi;

import io.opentelemetry.context.Scope;

/** Closes the agent's scope. */
final class BridgeScope implements Scope {
  private final AutoCloseable agentScope;

  BridgeScope(AutoCloseable agentScope) {
    this.agentScope = agentScope;
  }

  @Override
  public void close() {
    try {
      agentScope.close();
    } catch (Exception e) {
      // The agent's scope does not throw; nothing to tell the application.
    }
  }
}
