package dev.meerkat.dashboard.chart.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One line of a chart: its legend label and one value per step, null where there is none. */
public record ChartLine(String label, List<Double> values) {

  public ChartLine {
    // Nulls are gaps, so List.copyOf (which refuses nulls) does not fit.
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }
}
