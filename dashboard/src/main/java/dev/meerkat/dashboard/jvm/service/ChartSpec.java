package dev.meerkat.dashboard.jvm.service;

import java.util.List;

/** One chart of the JVM page: its id, title, unit and the metrics its lines come from. */
record ChartSpec(String id, String title, String unit, List<LineSource> sources) {

  ChartSpec {
    sources = List.copyOf(sources);
  }
}
