package dev.meerkat.dashboard.services.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.query.OperationSummary;
import dev.meerkat.store.query.OperationTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {

  private static final OperationSummary CART =
      new OperationSummary("shop", "GET /cart", "SERVER", 10, 1, 0, 2, 3, 4);
  private static final OperationSummary CART_CLIENT =
      new OperationSummary("shop", "GET /cart", "CLIENT", 5, 0.5, 0, 2, 3, 4);
  private static final OperationSummary PAY =
      new OperationSummary("shop", "POST /pay", "SERVER", 1, 0.1, 1, 2, 3, 4);

  @Test
  void shareOfTimeIsTheOperationsTimeOverTheSumOfAllOperations() {
    List<Endpoint> endpoints =
        Endpoint.of(
            List.of(CART, CART_CLIENT, PAY),
            List.of(
                new OperationTime("GET /cart", "SERVER", 60),
                new OperationTime("GET /cart", "CLIENT", 15),
                new OperationTime("POST /pay", "SERVER", 25)));

    assertThat(endpoints)
        .containsExactly(
            new Endpoint(CART, 60, 0.6),
            new Endpoint(CART_CLIENT, 15, 0.15),
            new Endpoint(PAY, 25, 0.25));
  }

  @Test
  void anOperationWithoutTimeHasShareZero() {
    assertThat(Endpoint.of(List.of(CART), List.of())).containsExactly(new Endpoint(CART, 0, 0));
  }
}
