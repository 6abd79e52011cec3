package dev.meerkat.dashboard.map.service;

import dev.meerkat.store.query.graph.ServiceGraph;
import dev.meerkat.store.query.graph.ServiceGraphRepository;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** The service map's data: who called whom in a time window. */
@Service
public class ServiceMapService {

  private final ServiceGraphRepository graphs;

  ServiceMapService(ServiceGraphRepository graphs) {
    this.graphs = graphs;
  }

  /** Nodes and edges of the minutes starting in [from, to). */
  public ServiceGraph graph(Instant from, Instant to) {
    return graphs.graph(from, to);
  }
}
