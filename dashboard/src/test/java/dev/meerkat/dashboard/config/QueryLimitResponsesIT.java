package dev.meerkat.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.ApiGet;
import dev.meerkat.dashboard.testing.TestStores;
import dev.meerkat.store.query.ServiceMetricsRepository;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The running dashboard, a real ClickHouse and a real HTTP client: a JSON endpoint whose query asks
 * for more than {@code meerkat.query.max-range} answers 400 with the limit's message, not a 500
 * with a stack trace. The endpoint is this test's own (the store's readers are what is tested).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"meerkat.slo.evaluation-enabled=false", "meerkat.query.max-range=7d"})
@Import(QueryLimitResponsesIT.ServicesEndpoint.class)
class QueryLimitResponsesIT {

  private static final TestStores STORES = TestStores.create("meerkat-query-limits-");

  @LocalServerPort private int port;

  @TestConfiguration
  @RestController
  static class ServicesEndpoint {
    private final ServiceMetricsRepository metrics;

    ServicesEndpoint(ServiceMetricsRepository metrics) {
      this.metrics = metrics;
    }

    @GetMapping("/api/test/services")
    int services(@RequestParam int days) {
      Instant to = Instant.parse("2026-03-01T12:00:00Z");
      return metrics.services(to.minus(Duration.ofDays(days)), to).size();
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    STORES.register(registry);
  }

  @Test
  void aRangeOverTheLimitAnswers400WithTheMessage() throws Exception {
    HttpResponse<String> refused = get("/api/test/services?days=10");
    HttpResponse<String> allowed = get("/api/test/services?days=7");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .isEqualTo(
            "{\"error\":\"The time range is 10 days; a query may cover at most 7 days"
                + " (meerkat.query.max-range). Choose a shorter range.\"}");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).isEqualTo("0");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return ApiGet.get(port, path);
  }
}
