package dev.meerkat.store.query.graph;

/** What a service-graph node is. */
public enum NodeType {
  /** A service that sent spans in the window. */
  SERVICE,
  /** A database, named by {@code db.system} and its namespace, e.g. {@code postgresql:orders}. */
  DATABASE,
  /** A message broker destination, e.g. {@code kafka:orders}. */
  MESSAGING,
  /** A called peer that sent no spans in the window: a host, or an uninstrumented service. */
  EXTERNAL
}
