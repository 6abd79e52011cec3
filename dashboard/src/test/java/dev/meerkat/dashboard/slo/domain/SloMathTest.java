package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.meerkat.store.query.RequestCounts;
import org.junit.jupiter.api.Test;

class SloMathTest {

  @Test
  void sliIsGoodOverTotal() {
    assertThat(SloMath.sli(new RequestCounts(1000, 5)).getAsDouble())
        .isCloseTo(0.995, within(1e-12));
    assertThat(SloMath.sli(RequestCounts.NONE)).isEmpty();
  }

  @Test
  void budgetIsUntouchedWithoutErrorsOrTraffic() {
    assertThat(SloMath.errorBudgetRemaining(new RequestCounts(1000, 0), 0.99)).isEqualTo(1.0);
    assertThat(SloMath.errorBudgetRemaining(RequestCounts.NONE, 0.99)).isEqualTo(1.0);
  }

  @Test
  void budgetShrinksWithErrorsAndGoesNegativeWhenOverspent() {
    assertThat(SloMath.errorBudgetRemaining(new RequestCounts(1000, 5), 0.99))
        .isCloseTo(0.5, within(1e-12));
    assertThat(SloMath.errorBudgetRemaining(new RequestCounts(1000, 10), 0.99))
        .isCloseTo(0.0, within(1e-12));
    assertThat(SloMath.errorBudgetRemaining(new RequestCounts(100, 50), 0.99))
        .isCloseTo(-49.0, within(1e-9));
  }

  @Test
  void burnRateIsErrorRatioOverAllowedRatio() {
    assertThat(SloMath.burnRate(new RequestCounts(1000, 10), 0.99).getAsDouble())
        .isCloseTo(1.0, within(1e-12));
    assertThat(SloMath.burnRate(new RequestCounts(200, 5), 0.995).getAsDouble())
        .isCloseTo(5.0, within(1e-9));
    assertThat(SloMath.burnRate(RequestCounts.NONE, 0.99)).isEmpty();
  }

  @Test
  void rejectsObjectivesOutsideOpenUnitInterval() {
    assertThatThrownBy(() -> SloMath.burnRate(RequestCounts.NONE, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("objective must be in (0, 1), was 1.0");
  }
}
