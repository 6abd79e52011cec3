package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  @Test
  void defaultsToEnabledAgentInfoLevelAndEveryInstrumentationOn() {
    AgentConfig config = AgentConfig.create(Map.of(), Map.of());

    assertThat(config.agentEnabled()).isTrue();
    assertThat(config.logLevel()).isEqualTo(AgentLogger.Level.INFO);
    assertThat(config.instrumentationEnabled("java-http-client")).isTrue();
  }

  @Test
  void readsEnvironmentVariablesWithUpperCaseUnderscoreNames() {
    AgentConfig config =
        AgentConfig.create(
            Map.of(),
            Map.of(
                "OTEL_INSTRUMENTATION_JAVA_HTTP_CLIENT_ENABLED", "false",
                "MEERKAT_AGENT_LOG_LEVEL", "debug",
                "MEERKAT_AGENT_ENABLED", "FALSE"));

    assertThat(config.instrumentationEnabled("java-http-client")).isFalse();
    assertThat(config.instrumentationEnabled("jdk-http-server")).isTrue();
    assertThat(config.logLevel()).isEqualTo(AgentLogger.Level.DEBUG);
    assertThat(config.agentEnabled()).isFalse();
  }

  @Test
  void systemPropertyWinsOverEnvironmentVariable() {
    AgentConfig config =
        AgentConfig.create(
            Map.of("otel.instrumentation.jdk-http-server.enabled", "true"),
            Map.of("OTEL_INSTRUMENTATION_JDK_HTTP_SERVER_ENABLED", "false"));

    assertThat(config.instrumentationEnabled("jdk-http-server")).isTrue();
  }

  @Test
  void unknownLogLevelFallsBackToInfo() {
    AgentConfig config = AgentConfig.create(Map.of("meerkat.agent.log.level", "chatty"), Map.of());

    assertThat(config.logLevel()).isEqualTo(AgentLogger.Level.INFO);
  }

  @Test
  void sdkDefaultsAreOtlpHttpProtobufWithoutLogs() {
    assertThat(SdkSetup.DEFAULTS)
        .containsOnly(
            Map.entry("otel.traces.exporter", "otlp"),
            Map.entry("otel.metrics.exporter", "otlp"),
            Map.entry("otel.logs.exporter", "none"),
            Map.entry("otel.exporter.otlp.protocol", "http/protobuf"));
  }

  @Test
  void commonDefaultEnabledFalseSwitchesEveryInstrumentationOffButTheOnesEnabledByName() {
    AgentConfig config =
        AgentConfig.create(
            Map.of(
                "otel.instrumentation.common.default-enabled", "false",
                "otel.instrumentation.jdk-http-server.enabled", "true"),
            Map.of("OTEL_INSTRUMENTATION_JAVA_HTTP_CLIENT_ENABLED", "true"));

    assertThat(config.instrumentationEnabled("jdk-http-server")).isTrue();
    assertThat(config.instrumentationEnabled("java-http-client")).isTrue();
    assertThat(config.instrumentationEnabled("http-url-connection")).isFalse();
    assertThat(config.instrumentationEnabled("runtime-telemetry")).isFalse();
  }

  @Test
  void optionsReadByAnyComponentAreKnown() {
    AgentConfig config =
        AgentConfig.create(
            Map.of("meerkat.jdbc.statement.sanitize", "true"),
            Map.of("MEERKAT_KAFKA_HEADERS", "false"));
    assertThat(config.unknownOptions())
        .containsExactly("MEERKAT_KAFKA_HEADERS", "meerkat.jdbc.statement.sanitize");

    config.get("meerkat.jdbc.statement.sanitize");
    config.get("meerkat.kafka.headers");

    assertThat(config.unknownOptions()).isEmpty();
  }

  @Test
  void reportsUnknownMeerkatOptionsAndInstrumentationNames() {
    AgentConfig config =
        AgentConfig.create(
            Map.of(
                "meerkat.traces.exclude", "/health",
                "meerkat.sampler.tps", "5",
                "otel.instrumentation.jdk-http-server.enabled", "false",
                "otel.instrumentation.runtime-telemetry.enabled", "false",
                "otel.instrumentation.okhttpp.enabled", "false"),
            Map.of(
                "MEERKAT_PROMETHEUS_PORT", "9464",
                "MEERKAT_AGENT_LOGLEVEL", "debug",
                "OTEL_INSTRUMENTATION_JAVA_HTTP_CLIENT_ENABLED", "false",
                "OTEL_INSTRUMENTATION_COMMON_DEFAULT_ENABLED", "true",
                "OTEL_INSTRUMENTATION_NETTY_ENABLED", "false"));

    assertThat(config.unknownOptions())
        .containsExactly("MEERKAT_AGENT_LOGLEVEL", "meerkat.sampler.tps");
    assertThat(
            config.unknownInstrumentations(
                java.util.List.of("jdk-http-server", "java-http-client")))
        .containsExactly("netty", "okhttpp");
  }

  @Test
  void parsesJavaFeatureVersions() {
    assertThat(ModuleLoader.javaVersion("1.8")).isEqualTo(8);
    assertThat(ModuleLoader.javaVersion("11")).isEqualTo(11);
    assertThat(ModuleLoader.javaVersion("25")).isEqualTo(25);
  }
}
