package dev.meerkat.dashboard.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The dashboard's clock fixed at the instant the test class registers with {@link #register}. The
 * instant is a property, not a field of this class, so every test class imports the same
 * configuration; its context is still its own, keyed by its own {@code @DynamicPropertySource}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedTestClock {

  private static final String INSTANT = "test.fixed-clock.instant";

  /** Fixes the clock at {@code now}; call from the class's {@code @DynamicPropertySource}. */
  public static void register(DynamicPropertyRegistry registry, Instant now) {
    registry.add(INSTANT, now::toString);
  }

  @Bean
  @Primary
  Clock fixedClock(@Value("${" + INSTANT + "}") String now) {
    return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
  }
}
