package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloLabelsTest {

  @Test
  void readsPairsAndFormatsThemBackSorted() {
    List<String> problems = new ArrayList<>();
    Map<String, String> labels = SloLabels.parse(" tier=1 , team=payments", problems);

    assertThat(problems).isEmpty();
    assertThat(labels).containsExactly(Map.entry("team", "payments"), Map.entry("tier", "1"));
    assertThat(SloLabels.format(labels)).isEqualTo("team=payments, tier=1");
  }

  @Test
  void refusesMalformedPairsAndTheLabelsMeerkatSetsItself() {
    List<String> problems = new ArrayList<>();
    Map<String, String> labels = SloLabels.parse("team, severity=low, 9x=a, owner=", problems);

    assertThat(labels).isEmpty();
    assertThat(problems)
        .containsExactly(
            "labels must be name=value pairs separated by commas, e.g. team=payments, was 'team'",
            "label 'severity' is set by Meerkat on every SLO alert; use another name",
            "labels must be name=value pairs separated by commas, e.g. team=payments, was '9x=a'",
            "labels must be name=value pairs separated by commas, e.g. team=payments, was"
                + " 'owner='");
  }

  @Test
  void emptyTextIsNoLabels() {
    List<String> problems = new ArrayList<>();
    assertThat(SloLabels.parse("  ", problems)).isEmpty();
    assertThat(problems).isEmpty();
  }
}
