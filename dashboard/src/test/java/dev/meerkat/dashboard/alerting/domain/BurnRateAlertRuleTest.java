package dev.meerkat.dashboard.alerting.domain;

import static dev.meerkat.dashboard.alerting.domain.BurnRateAlertRule.decide;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BurnRateAlertRuleTest {

  private static final OptionalDouble NO_TRAFFIC = OptionalDouble.empty();

  private static OptionalDouble burn(double value) {
    return OptionalDouble.of(value);
  }

  @Test
  void firesWhenBothWindowsExceedThreshold() {
    assertThat(decide(false, burn(3), burn(10), 2)).isEqualTo(AlertTransition.FIRE);
  }

  @Test
  void doesNotFireOnShortSpikeOrSlowBurnAlone() {
    assertThat(decide(false, burn(1.5), burn(10), 2)).isEqualTo(AlertTransition.NONE);
    assertThat(decide(false, burn(3), burn(1), 2)).isEqualTo(AlertTransition.NONE);
    assertThat(decide(false, burn(2), burn(2), 2)).isEqualTo(AlertTransition.NONE);
  }

  @Test
  void staysFiringWhileShortWindowIsAtOrAboveThreshold() {
    assertThat(decide(true, burn(3), burn(10), 2)).isEqualTo(AlertTransition.NONE);
    assertThat(decide(true, burn(0.5), burn(2), 2)).isEqualTo(AlertTransition.NONE);
  }

  @Test
  void resolvesWhenShortWindowDropsBelowThreshold() {
    assertThat(decide(true, burn(5), burn(1.9), 2)).isEqualTo(AlertTransition.RESOLVE);
  }

  @Test
  void noTrafficInEitherWindowChangesNothing() {
    assertThat(decide(false, NO_TRAFFIC, burn(10), 2)).isEqualTo(AlertTransition.NONE);
    assertThat(decide(true, burn(0), NO_TRAFFIC, 2)).isEqualTo(AlertTransition.NONE);
  }
}
