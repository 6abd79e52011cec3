package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenSloFormatTest {

  private final OpenSloFormat openSlo = new OpenSloFormat();

  @Test
  void exportsTheGoldenDocuments() {
    assertThat(openSlo.export(SloYamlParserTest.CHECKOUT_SLOS))
        .isEqualTo(SloResources.read("openslo-checkout.yaml"));
  }

  @Test
  void importsTheGoldenDocumentsBackToTheSameSlos() {
    ParsedSlos parsed =
        openSlo.importSlos("openslo-checkout.yaml", SloResources.read("openslo-checkout.yaml"));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.slos()).containsExactlyElementsOf(SloYamlParserTest.CHECKOUT_SLOS);
  }

  @Test
  void resolvesIndicatorRefsAndSkipsServiceDocuments() {
    ParsedSlos parsed =
        openSlo.importSlos("ref.yaml", SloResources.read("openslo-indicator-ref.yaml"));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.slos())
        .containsExactly(
            new ServiceLevelObjective(
                "pay-latency-weekly",
                "Pay latency (weekly)",
                "checkout",
                new LatencyIndicator(Duration.ofMillis(1500), Set.of("POST /pay")),
                0.99,
                RollingWindow.DAYS_7));
  }

  @Test
  void explainsWhatMeerkatCannotRepresentWithLines() {
    ParsedSlos parsed =
        openSlo.importSlos("other.yaml", SloResources.read("openslo-unsupported.yaml"));

    assertThat(parsed.slos()).isEmpty();
    assertThat(parsed.errors())
        .containsExactly(
            "other.yaml:32: apiVersion must be openslo/v1, was 'openslo/v2'",
            "other.yaml:14: ratioMetric.good.metricSource must have type meerkat and a spec, was"
                + " type 'Prometheus'",
            "other.yaml:19: ratioMetric.total.metricSource must have type meerkat and a spec, was"
                + " type 'Prometheus'",
            "other.yaml:24: timeWindow must be a rolling 7d, 28d or 30d window, or a 1M calendar"
                + " window starting at midnight UTC on the 1st",
            "other.yaml:28: budgetingMethod must be Occurrences, was 'Timeslices'");
  }
}
