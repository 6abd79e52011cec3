package dev.meerkat.agent.instrumentation.jdkhttpserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracingFilterTest {
  @Test
  void splitsHostHeaderIntoAddressAndPort() {
    assertThat(TracingFilter.stripPort("shop.example:8080")).isEqualTo("shop.example");
    assertThat(TracingFilter.hostPort("shop.example:8080", 1)).isEqualTo(8080);
    assertThat(TracingFilter.stripPort("[::1]:9000")).isEqualTo("[::1]");
    assertThat(TracingFilter.hostPort("[::1]:9000", 1)).isEqualTo(9000);
  }

  @Test
  void fallsBackToTheLocalPortWithoutPortInHostHeader() {
    assertThat(TracingFilter.stripPort("[::1]")).isEqualTo("[::1]");
    assertThat(TracingFilter.hostPort("[::1]", 7)).isEqualTo(7);
    assertThat(TracingFilter.hostPort("shop.example", 7)).isEqualTo(7);
    assertThat(TracingFilter.hostPort(null, 7)).isEqualTo(7);
    assertThat(TracingFilter.hostPort("shop.example:x", 7)).isEqualTo(7);
  }
}
