package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InstanceSqlTest {

  @Test
  void isTheRuleOfMetricPointsAndTheServiceInstancesView() throws IOException {
    String view;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("db/migration/V0029__service_instances_1h.sql")) {
      view = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(InstanceSql.ID)
        .isEqualTo("resource_values[indexOf(resource_keys, 'service.instance.id')]");
    assertThat(view).contains("    " + InstanceSql.ID + " AS instance,\n");
  }
}
