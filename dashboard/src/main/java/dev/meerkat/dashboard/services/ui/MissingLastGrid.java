package dev.meerkat.dashboard.services.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.Renderer;
import com.vaadin.flow.function.SerializableComparator;
import com.vaadin.flow.function.ValueProvider;
import java.util.Comparator;

/**
 * A grid whose numeric columns sort rows without a value (NaN: a service without requests has no
 * latency or Apdex) last in both directions. Vaadin reverses a column's comparator for a descending
 * sort, which would put them first.
 */
final class MissingLastGrid<T> extends Grid<T> {

  @Override
  protected Column<T> createColumn(Renderer<T> renderer, String columnId) {
    return new NumberColumn<>(this, columnId, renderer);
  }

  /** Adds a sortable column showing {@code text}, sorted by {@code number}. */
  Column<T> addNumberColumn(ValueProvider<T, Double> number, ValueProvider<T, String> text) {
    NumberColumn<T> column = (NumberColumn<T>) addColumn(text);
    column.number = number;
    column.setComparator(Comparator.comparingDouble(number::apply));
    return column;
  }

  private static final class NumberColumn<T> extends Column<T> {

    private ValueProvider<T, Double> number;

    NumberColumn(Grid<T> grid, String columnId, Renderer<T> renderer) {
      super(grid, columnId, renderer);
    }

    @Override
    public SerializableComparator<T> getComparator(SortDirection direction) {
      if (number == null) {
        return super.getComparator(direction);
      }
      ValueProvider<T, Double> value = number;
      boolean descending = direction == SortDirection.DESCENDING;
      return (a, b) -> {
        double x = value.apply(a);
        double y = value.apply(b);
        if (Double.isNaN(x) || Double.isNaN(y)) {
          return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        }
        return descending ? Double.compare(y, x) : Double.compare(x, y);
      };
    }
  }
}
