package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CollectorConfigLoaderTest {

  private static CollectorConfig load(Map<String, String> environment) {
    return CollectorConfigLoader.load(environment, new Properties());
  }

  @Test
  void defaultsWhenNothingIsSet() {
    CollectorConfig config = load(Map.of());

    assertThat(config.clickHouseUrl()).isEmpty();
    assertThat(config.clickHouseDatabase()).isEqualTo("meerkat");
    assertThat(config.clickHouseUser()).isEqualTo("default");
    assertThat(config.otlpHttpPort()).isEqualTo(4318);
    assertThat(config.adminPort()).isEqualTo(8888);
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.spanPipeline().queueCapacity()).isEqualTo(100_000);
    assertThat(config.maxBodyBytes()).isEqualTo(32 * 1024 * 1024);
  }

  @Test
  void readsEnvironmentVariables() {
    CollectorConfig config =
        load(
            Map.of(
                "MEERKAT_CLICKHOUSE_URL", " http://ch:8123 ",
                "MEERKAT_OTLP_HTTP_PORT", "14318",
                "MEERKAT_QUEUE_SIZE", "2000",
                "MEERKAT_BATCH_SIZE", "500",
                "MEERKAT_FLUSH_INTERVAL_MS", "250"));

    assertThat(config.clickHouseUrl()).contains("http://ch:8123");
    assertThat(config.otlpHttpPort()).isEqualTo(14318);
    assertThat(config.spanPipeline().queueCapacity()).isEqualTo(2000);
    assertThat(config.spanPipeline().batchSize()).isEqualTo(500);
    assertThat(config.spanPipeline().flushInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() {
    Properties properties = new Properties();
    properties.setProperty("meerkat.otlp.http.port", "5318");
    properties.setProperty("unrelated.property", "ignored");

    CollectorConfig config =
        CollectorConfigLoader.load(Map.of("MEERKAT_OTLP_HTTP_PORT", "14318"), properties);

    assertThat(config.otlpHttpPort()).isEqualTo(5318);
  }

  @Test
  void refusesUnknownKeysAndNamesThem() {
    Properties properties = new Properties();
    properties.setProperty("meerkat.otlp.htp.port", "1");

    assertThatThrownBy(
            () -> CollectorConfigLoader.load(Map.of("MEERKAT_QUEUE_SIZ", "5"), properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Unknown configuration keys [MEERKAT_QUEUE_SIZ, meerkat.otlp.htp.port]. Known keys: [");
  }

  @Test
  void refusesBadNumbersAndPortsWithTheKeyAndValue() {
    assertThatThrownBy(() -> load(Map.of("MEERKAT_QUEUE_SIZE", "10k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MEERKAT_QUEUE_SIZE must be a whole number, got '10k'");
    assertThatThrownBy(() -> load(Map.of("MEERKAT_ADMIN_PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MEERKAT_ADMIN_PORT must be a port 0-65535, got 70000");
    assertThatThrownBy(() -> load(Map.of("MEERKAT_OTLP_HTTP_PORT", "-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MEERKAT_OTLP_HTTP_PORT must be a port 0-65535, got -1");
  }

  @Test
  void refusesABatchLargerThanTheQueue() {
    assertThatThrownBy(
            () -> load(Map.of("MEERKAT_QUEUE_SIZE", "100", "MEERKAT_BATCH_SIZE", "1000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize 1000 exceeds queueCapacity 100");
  }

  @Test
  void acceptsTheSettingsOfTheDashboardTheAgentAndTheDemoInTheSameEnvironment() {
    CollectorConfig config =
        load(
            Map.of(
                "MEERKAT_SLO_EVALUATION_INTERVAL", "10s",
                "MEERKAT_SLO_EVALUATIONENABLED", "false",
                "MEERKAT_DEMO_ENABLED", "true",
                "MEERKAT_DEMO_WEBHOOK_URL", "http://127.0.0.1:7003/hook",
                "MEERKAT_PUBLIC_URL", "http://localhost:8080",
                "MEERKAT_DASHBOARD_PORT", "8080",
                "MEERKAT_AGENT_SAMPLER", "always_on",
                "MEERKAT_HOME", "/opt/meerkat",
                "MEERKAT_OTLP_HTTP_PORT", "4318"));

    assertThat(config.otlpHttpPort()).isEqualTo(4318);
  }

  /** Every MEERKAT_ variable the launcher script sets or reads must be accepted or ignored. */
  @Test
  void acceptsEveryVariableTheLauncherScriptUses() throws IOException {
    String script = Files.readString(Path.of("../../meerkat"));
    Matcher matcher = Pattern.compile("MEERKAT_[A-Z0-9_]+").matcher(script);
    Set<String> names = new TreeSet<>();
    while (matcher.find()) {
      names.add(matcher.group());
    }
    assertThat(names).contains("MEERKAT_CLICKHOUSE_URL", "MEERKAT_HOME");
    for (String name : names) {
      // Values that parse as every kind of setting: a port-sized number.
      assertThatCode(() -> load(Map.of(name, "4318"))).as(name).doesNotThrowAnyException();
    }
  }

  @Test
  void neverPrintsThePassword() {
    CollectorConfig config = load(Map.of("MEERKAT_CLICKHOUSE_PASSWORD", "s3cret-value"));

    assertThat(config.clickHousePassword()).isEqualTo("s3cret-value");
    assertThat(config.toString()).doesNotContain("s3cret-value");
  }
}
