package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SloYamlParserTest {

  static final List<ServiceLevelObjective> CHECKOUT_SLOS =
      List.of(
          new ServiceLevelObjective(
              "checkout-availability",
              "Checkout availability",
              "checkout",
              AvailabilityIndicator.wholeService(),
              0.999,
              RollingWindow.DAYS_30),
          new ServiceLevelObjective(
              "checkout-pay-latency",
              "Payment latency",
              "checkout",
              new LatencyIndicator(Duration.ofMillis(300), Set.of("POST /pay", "POST /refund")),
              0.99,
              RollingWindow.DAYS_28),
          new ServiceLevelObjective(
              "search-monthly",
              "search-monthly",
              "search",
              AvailabilityIndicator.wholeService(),
              0.995,
              CalendarMonthWindow.INSTANCE));

  private final SloYamlParser parser = new SloYamlParser();

  @Test
  void readsEverySloOfAFile() {
    ParsedSlos parsed = parser.parse("checkout.yaml", SloResources.read("checkout.yaml"));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.slos()).containsExactlyElementsOf(CHECKOUT_SLOS);
  }

  @Test
  void reportsEveryProblemWithFileAndLineAndKeepsTheValidSlos() {
    ParsedSlos parsed = parser.parse("broken.yaml", SloResources.read("broken.yaml"));

    assertThat(parsed.slos())
        .extracting(ServiceLevelObjective::id)
        .containsExactly("checkout-availability");
    assertThat(parsed.errors())
        .containsExactly(
            "broken.yaml:10: threshold must be a duration such as 250us, 300ms or 1.5s, was 'fast'",
            "broken.yaml:7: SLO 'Bad Id': id must be 1 to 63 lower-case letters, digits or dashes,"
                + " starting with a letter or digit, was 'Bad Id'",
            "broken.yaml:7: SLO 'Bad Id': service is required",
            "broken.yaml:7: SLO 'Bad Id': a latency SLO needs a threshold, e.g. 300ms",
            "broken.yaml:7: SLO 'Bad Id': objective must be a percentage between 0 and 100"
                + " (exclusive), e.g. 99.9, was 100.0",
            "broken.yaml:7: SLO 'Bad Id': window must be 7d, 28d, 30d or month, was 14d",
            "broken.yaml:13: duplicate SLO id 'checkout-availability'",
            "broken.yaml:21: unknown key 'objectve' in an SLO; known: id, name, service, indicator,"
                + " threshold, operations, objective, window",
            "broken.yaml:18: SLO 'typo': objective must be a percentage between 0 and 100"
                + " (exclusive), e.g. 99.9",
            "broken.yaml:26: slo.objective must be a number, was 'lots'",
            "broken.yaml:23: SLO 'nan': objective must be a percentage between 0 and 100"
                + " (exclusive), e.g. 99.9");
  }

  @Test
  void reportsSyntaxErrorsAndAMissingListWithTheirLine() {
    assertThat(parser.parse("bad.yaml", "slos:\n  - id: [unclosed\n").errors())
        .singleElement()
        .asString()
        .startsWith("bad.yaml:3: invalid YAML: ");
    assertThat(parser.parse("empty.yaml", "other: 1\n").errors())
        .containsExactly(
            "empty.yaml:1: unknown key 'other' in the file; known: slos",
            "empty.yaml:1: the file needs a 'slos' list");
  }
}
