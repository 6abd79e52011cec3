package dev.meerkat.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.ServiceColourGolden;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceColoursTest {

  @Test
  void givesEachServiceItsColourFromTheGoldenFile() {
    Map<String, String> golden = ServiceColourGolden.read();
    assertThat(golden).hasSize(13);

    golden.forEach(
        (name, colour) -> assertThat(ServiceColours.of(name)).as(name).isEqualTo(colour));
  }

  @Test
  void paletteHasNoColourTwice() {
    assertThat(ServiceColours.PALETTE).doesNotHaveDuplicates().hasSize(9);
  }
}
