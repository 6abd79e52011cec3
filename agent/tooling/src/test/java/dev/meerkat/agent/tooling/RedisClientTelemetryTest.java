package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisClientTelemetryTest {
  @Test
  void keepsTheFirstArgumentAndMasksTheRest() {
    assertThat(RedisClientTelemetry.queryText("SET", "user:1", 2)).isEqualTo("SET user:1 ?");
    assertThat(RedisClientTelemetry.queryText("HSET", "h", 5)).isEqualTo("HSET h ? ? ? ?");
    assertThat(RedisClientTelemetry.queryText("GET", "k", 1)).isEqualTo("GET k");
    assertThat(RedisClientTelemetry.queryText("DBSIZE", null, 0)).isEqualTo("DBSIZE");
  }

  @Test
  void masksEveryArgumentOfCommandsCarryingSecretsOrValues() {
    assertThat(RedisClientTelemetry.queryText("AUTH", "secret", 1)).isEqualTo("AUTH ?");
    assertThat(RedisClientTelemetry.queryText("HELLO", "3", 4)).isEqualTo("HELLO ? ? ? ?");
    assertThat(RedisClientTelemetry.queryText("ECHO", "hi", 1)).isEqualTo("ECHO ?");
  }

  @Test
  void masksAFirstArgumentTheClientCouldNotRead() {
    assertThat(RedisClientTelemetry.queryText("SET", null, 2)).isEqualTo("SET ? ?");
  }
}
