package dev.meerkat.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code meerkat.apdex.*} through Spring's real binder, as at start-up. */
class ApdexPropertiesTest {

  @Test
  void defaultsTo500MillisecondsForEveryService() {
    MeerkatProperties.Apdex apdex = bind(Map.of()).apdex();

    assertThat(apdex.defaultThreshold()).isEqualTo(Duration.ofMillis(500));
    assertThat(apdex.thresholds()).isEmpty();
  }

  @Test
  void bindsAThresholdPerServiceIncludingNamesWithDots() {
    MeerkatProperties.Apdex apdex =
        bind(Map.of(
                "meerkat.apdex.default-threshold", "1s",
                "meerkat.apdex.thresholds.checkout", "200ms",
                "meerkat.apdex.thresholds[orders.api]", "2s"))
            .apdex();

    assertThat(apdex.defaultThreshold()).isEqualTo(Duration.ofSeconds(1));
    assertThat(apdex.thresholds())
        .isEqualTo(Map.of("checkout", Duration.ofMillis(200), "orders.api", Duration.ofSeconds(2)));
  }

  @Test
  void refusesAZeroThresholdNamingItsKey() {
    assertThatThrownBy(() -> bind(Map.of("meerkat.apdex.thresholds.checkout", "0ms")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessage(
            "meerkat.apdex.thresholds.checkout must be a positive duration such as 500ms or 2s,"
                + " was PT0S");
  }

  @Test
  void refusesANegativeDefaultNamingItsKey() {
    assertThatThrownBy(() -> bind(Map.of("meerkat.apdex.default-threshold", "-1s")))
        .rootCause()
        .hasMessage(
            "meerkat.apdex.default-threshold must be a positive duration such as 500ms or 2s,"
                + " was PT-1S");
  }

  @Test
  void refusesAValueThatIsNoDurationNamingItsKey() {
    assertThatThrownBy(() -> bind(Map.of("meerkat.apdex.default-threshold", "fast")))
        .isInstanceOf(BindException.class)
        .asInstanceOf(InstanceOfAssertFactories.throwable(BindException.class))
        .extracting(e -> e.getProperty().getName().toString())
        .isEqualTo("meerkat.apdex.default-threshold");
  }

  private static MeerkatProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("meerkat", MeerkatProperties.class);
  }
}
