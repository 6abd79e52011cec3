package dev.meerkat.dashboard.slo.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.slo.domain.ParsedSlos;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloDirectoryLoaderTest {

  @TempDir Path directory;

  @Test
  void loadsMeerkatAndOpenSloFilesInNameOrder() throws IOException {
    copy("checkout.yaml", "a-checkout.yaml");
    copy("openslo-indicator-ref.yaml", "b-payments.yml");
    Files.writeString(directory.resolve("notes.txt"), "not an SLO");
    Files.createDirectory(directory.resolve("nested.yaml"));

    ParsedSlos parsed = new SloDirectoryLoader().load(directory);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.slos())
        .extracting(ServiceLevelObjective::id)
        .containsExactly(
            "checkout-availability",
            "checkout-pay-latency",
            "search-monthly",
            "pay-latency-weekly");
  }

  @Test
  void reportsDuplicateIdsAcrossFilesAndFileErrorsWithLines() throws IOException {
    copy("checkout.yaml", "a.yaml");
    copy("openslo-checkout.yaml", "b.yaml");
    copy("broken.yaml", "c.yaml");

    ParsedSlos parsed = new SloDirectoryLoader().load(directory);

    assertThat(parsed.slos()).hasSize(3);
    assertThat(parsed.errors())
        .startsWith(
            "b.yaml: duplicate SLO id 'checkout-availability', already defined in a.yaml",
            "b.yaml: duplicate SLO id 'checkout-pay-latency', already defined in a.yaml",
            "b.yaml: duplicate SLO id 'search-monthly', already defined in a.yaml",
            "c.yaml:10: threshold must be a duration such as 250us, 300ms or 1.5s, was 'fast'")
        .contains("c.yaml: duplicate SLO id 'checkout-availability', already defined in a.yaml")
        .hasSize(15);
  }

  @Test
  void saysWhenTheDirectoryIsMissing() {
    Path missing = directory.resolve("missing");
    assertThat(new SloDirectoryLoader().load(missing).errors())
        .containsExactly(missing + ": SLO directory does not exist");
  }

  private void copy(String resource, String as) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/slo/" + resource)) {
      Files.copy(in, directory.resolve(as));
    }
  }
}
