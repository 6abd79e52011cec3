package dev.meerkat.dashboard.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/** Reads what a {@code <meerkat-time-chart>} element holds (its {@code chart} property). */
final class ChartElements {

  private ChartElements() {}

  /** The {@code chart} property of the element once it holds lines (its data has arrived). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> chartData(ChromeDriver driver, String id) {
    String script =
        "const e = document.getElementById(arguments[0]);"
            + " return e && e.chart && e.chart.labels.length > 0 ? e.chart : null;";
    return (Map<String, Object>)
        Browser.waitFor(driver).until(d -> driver.executeScript(script, id));
  }

  /** Each line's values as doubles (Selenium returns whole numbers as Long), nulls kept. */
  @SuppressWarnings("unchecked")
  static List<List<Double>> lines(Map<String, Object> chart) {
    List<List<Double>> lines = new ArrayList<>();
    for (Object line : (List<Object>) chart.get("values")) {
      List<Double> values = new ArrayList<>();
      for (Object value : (List<Object>) line) {
        values.add(value == null ? null : ((Number) value).doubleValue());
      }
      lines.add(values);
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  static List<Long> longs(Object numbers) {
    return ((List<Object>) numbers).stream().map(n -> ((Number) n).longValue()).toList();
  }
}
