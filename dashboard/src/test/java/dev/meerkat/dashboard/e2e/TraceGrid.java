package dev.meerkat.dashboard.e2e;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The trace ids a grid of traces shows (trace explorer, traces of a service), read in the browser.
 */
final class TraceGrid {

  private TraceGrid() {}

  /** The trace ids of the grid's rows in order, once the first row is {@code first}. */
  static List<String> awaitTraceIds(ChromeDriver driver, String gridId, String first) {
    List<List<String>> seen = new ArrayList<>();
    Browser.waitFor(driver)
        .until(
            d -> {
              List<String> ids = traceIds(driver, gridId);
              seen.add(ids);
              return !ids.isEmpty() && ids.getFirst().equals(first);
            });
    return seen.getLast();
  }

  /**
   * The rows' trace ids once they are exactly {@code expected}, or after the browser wait's
   * deadline what they are then, so a failing assertion shows what the page holds.
   */
  static List<String> awaitExactly(ChromeDriver driver, String gridId, List<String> expected) {
    try {
      Browser.waitFor(driver).until(d -> traceIds(driver, gridId).equals(expected));
    } catch (TimeoutException e) {
      // Fall through to the caller's assertion.
    }
    return traceIds(driver, gridId);
  }

  @SuppressWarnings("unchecked")
  static List<String> traceIds(ChromeDriver driver, String gridId) {
    // Cells are light-DOM children of the grid, slotted into its rows; rows left over from a longer
    // page stay in the DOM hidden. Visible rows top to bottom; the trace id column is the only one
    // with 32 hexadecimal characters.
    return (List<String>)
        driver.executeScript(
            "const grid = document.getElementById(arguments[0]);"
                + "if (!grid) return [];"
                + "return Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))"
                + ".filter((c) => /^[0-9a-f]{32}$/.test(c.textContent))"
                + ".map((c) => ({ id: c.textContent, row: c.assignedSlot?.closest('tr') }))"
                + ".filter((c) => c.row && !c.row.hidden && c.row.offsetParent !== null)"
                + ".sort((a, b) => a.row.getBoundingClientRect().top"
                + " - b.row.getBoundingClientRect().top)"
                + ".map((c) => c.id);",
            gridId);
  }
}
