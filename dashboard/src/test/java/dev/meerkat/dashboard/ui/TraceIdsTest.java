package dev.meerkat.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdsTest {

  @Test
  void acceptsThirtyTwoHexDigitsInAnyCaseAndStoresThemLowerCase() {
    assertThat(TraceIds.parse(" 4BF92F3577B34DA6A3CE929D0E0E4736\n"))
        .contains("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void refusesWrongLengthAndNonHexCharacters() {
    assertThat(TraceIds.parse("4bf92f3577b34da6a3ce929d0e0e473")).isEmpty();
    assertThat(TraceIds.parse("4bf92f3577b34da6a3ce929d0e0e47360")).isEmpty();
    assertThat(TraceIds.parse("4bf92f3577b34da6a3ce929d0e0e473g")).isEmpty();
    assertThat(TraceIds.parse("")).isEmpty();
  }
}
