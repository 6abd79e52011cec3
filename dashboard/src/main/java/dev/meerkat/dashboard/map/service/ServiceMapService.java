package dev.meerkat.dashboard.map.service;

import dev.meerkat.store.query.graph.ServiceGraph;
import dev.meerkat.store.query.graph.ServiceGraphRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** The service map's data: who called whom over a look-back window ending now. */
@Service
public class ServiceMapService {

  private final ServiceGraphRepository graphs;
  private final Clock clock;

  ServiceMapService(ServiceGraphRepository graphs, Clock clock) {
    this.graphs = graphs;
    this.clock = clock;
  }

  /** The graph of the minutes in [now - lookBack, now). */
  public ServiceGraph lastGraph(Duration lookBack) {
    Instant now = clock.instant();
    return graphs.graph(now.minus(lookBack), now);
  }
}
