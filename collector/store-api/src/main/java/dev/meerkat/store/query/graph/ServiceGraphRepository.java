package dev.meerkat.store.query.graph;

import java.time.Instant;

/**
 * The service graph, from per-minute and hourly edge rollups. Edges are recorded by the calling
 * side: the peer is named by the client span's attributes ({@code peer.service}, else the database
 * or messaging system, else the host and port called), not by joining with the callee's spans; a
 * host and port at which exactly one service answered SERVER spans in the window is shown as that
 * service.
 */
public interface ServiceGraphRepository {

  /** Nodes and edges of the minutes starting in [from, to). */
  ServiceGraph graph(Instant from, Instant to);
}
