package dev.meerkat.dashboard.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Vaadin grid cells are light-DOM {@code vaadin-grid-cell-content} children of the grid. */
final class GridCells {

  private GridCells() {}

  /** The non-empty texts of a grid's header and body cells. */
  static List<String> cellTexts(WebElement grid) {
    return grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
        .map(WebElement::getText)
        .filter(text -> !text.isEmpty())
        .toList();
  }

  /** The first cell showing exactly {@code text}; fails naming what the grid shows. */
  static WebElement cell(WebElement grid, String text) {
    return grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
        .filter(c -> c.getText().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell '" + text + "' in " + grid.getText()));
  }
}
