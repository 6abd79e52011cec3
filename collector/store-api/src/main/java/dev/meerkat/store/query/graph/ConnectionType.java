package dev.meerkat.store.query.graph;

/** How a client reached its peer. */
public enum ConnectionType {
  /** A request to a service or host (HTTP, gRPC, other RPC). */
  CALL,
  /** A database call. */
  DATABASE,
  /** A message produced to, or a call into, a messaging system. */
  MESSAGING
}
