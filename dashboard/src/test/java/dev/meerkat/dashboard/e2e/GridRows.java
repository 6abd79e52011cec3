package dev.meerkat.dashboard.e2e;

import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;

/** The body rows of a Vaadin grid as their cells' texts, read in the browser. */
final class GridRows {

  private GridRows() {}

  /** The grid's rows in display order, each as the text of its cells; empty without a grid. */
  @SuppressWarnings("unchecked")
  static List<List<String>> read(ChromeDriver driver, String gridId) {
    return (List<List<String>>)
        driver.executeScript(
            """
            const grid = document.getElementById(arguments[0]);
            if (!grid) {
              return [];
            }
            return Array.from(grid.shadowRoot.querySelectorAll('tbody#items > tr'))
              .filter(tr => !tr.hidden && tr.index < grid.size)
              .sort((a, b) => a.index - b.index)
              .map(tr => Array.from(tr.querySelectorAll('td')).map(td => {
                const cell = td.querySelector('slot')?.assignedElements()[0];
                return cell ? cell.textContent.trim() : '';
              }));
            """,
            gridId);
  }

  /**
   * The rows that {@code keep} selects once they are exactly {@code expected}, or after the browser
   * wait's deadline what they are then, so a failing assertion shows what the page holds.
   */
  static List<List<String>> awaitExactly(
      ChromeDriver driver,
      String gridId,
      Predicate<List<String>> keep,
      List<List<String>> expected) {
    try {
      Browser.waitFor(driver).until(d -> kept(driver, gridId, keep).equals(expected));
    } catch (TimeoutException e) {
      // Fall through to the caller's assertion.
    }
    return kept(driver, gridId, keep);
  }

  private static List<List<String>> kept(
      ChromeDriver driver, String gridId, Predicate<List<String>> keep) {
    return read(driver, gridId).stream().filter(keep).toList();
  }
}
