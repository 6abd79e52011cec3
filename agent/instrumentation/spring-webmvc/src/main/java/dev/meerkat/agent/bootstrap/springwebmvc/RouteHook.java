package dev.meerkat.agent.bootstrap.springwebmvc;

/** Names the current HTTP server request by the route template its handler was mapped with. */
public interface RouteHook {
  /** {@code pattern} is a String or a PathPattern (its toString is the template). */
  void route(Object pattern);
}
