package dev.meerkat.store.query.graph;

/** A node of the service graph: a service, or an uninstrumented peer. */
public record GraphNode(String name, NodeType type) {}
