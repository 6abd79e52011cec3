package dev.meerkat.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.dashboard.testing.ApiGet;
import dev.meerkat.dashboard.testing.TemporaryDirectories;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard started on its own ClickHouse, which the test then stops: the API answers 503 with
 * a message (scripts retry), not a stack trace.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "meerkat.slo.evaluation-enabled=false")
class StoreDownApiIT {

  private static final EmbeddedClickHouse clickHouse =
      EmbeddedClickHouse.start(
          TemporaryDirectories.create("meerkat-api-clickhouse-"),
          ClickHouseFixture.freePort(),
          ClickHouseFixture.freePort());
  private static final Path STATE_DIR = TemporaryDirectories.create("meerkat-api-state-");

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("meerkat.clickhouse.url", clickHouse::url);
    registry.add("meerkat.data-dir", STATE_DIR::toString);
  }

  @AfterAll
  static void stopClickHouse() {
    clickHouse.close();
  }

  @Test
  void answers503WhenClickHouseIsDown() throws Exception {
    assertThat(get("/api/v1/services?window=5m").statusCode()).isEqualTo(200);

    clickHouse.close();
    HttpResponse<String> response = get("/api/v1/services?window=5m");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo("{\"message\":\"the telemetry store is unavailable, retry later\"}");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return ApiGet.get(port, path);
  }
}
