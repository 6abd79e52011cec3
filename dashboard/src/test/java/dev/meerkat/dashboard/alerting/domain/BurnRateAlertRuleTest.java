package dev.meerkat.dashboard.alerting.domain;

import static dev.meerkat.dashboard.alerting.domain.BurnRateAlertRule.decide;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.slo.AlertState;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BurnRateAlertRuleTest {

  private static final OptionalDouble NO_TRAFFIC = OptionalDouble.empty();

  private static OptionalDouble burn(double value) {
    return OptionalDouble.of(value);
  }

  @Test
  void firesWhenBothWindowsExceedThreshold() {
    assertThat(decide(AlertState.OK, burn(3), burn(10), 2)).isEqualTo(AlertState.FIRING);
    assertThat(decide(AlertState.RESOLVED, burn(3), burn(10), 2)).isEqualTo(AlertState.FIRING);
  }

  @Test
  void doesNotFireOnShortSpikeOrSlowBurnAlone() {
    assertThat(decide(AlertState.OK, burn(1.5), burn(10), 2)).isEqualTo(AlertState.OK);
    assertThat(decide(AlertState.OK, burn(3), burn(1), 2)).isEqualTo(AlertState.OK);
    assertThat(decide(AlertState.OK, burn(2), burn(2), 2)).isEqualTo(AlertState.OK);
  }

  @Test
  void staysFiringWhileShortWindowIsAtOrAboveThreshold() {
    assertThat(decide(AlertState.FIRING, burn(3), burn(10), 2)).isEqualTo(AlertState.FIRING);
    assertThat(decide(AlertState.FIRING, burn(0.5), burn(2), 2)).isEqualTo(AlertState.FIRING);
  }

  @Test
  void resolvesWhenShortWindowDropsBelowThreshold() {
    assertThat(decide(AlertState.FIRING, burn(5), burn(1.9), 2)).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void noTrafficInEitherWindowChangesNothing() {
    assertThat(decide(AlertState.OK, NO_TRAFFIC, burn(10), 2)).isEqualTo(AlertState.OK);
    assertThat(decide(AlertState.FIRING, burn(0), NO_TRAFFIC, 2)).isEqualTo(AlertState.FIRING);
  }
}
