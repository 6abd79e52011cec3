package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of one time window, a page at a time behind a "Show more" button. A reload in place
 * (auto-refresh, a re-send) loads as many rows as were shown, so rows loaded with "Show more" stay.
 */
final class PagedRows<T> {

  /** One page of the window's rows, newest first. */
  @FunctionalInterface
  interface Pages<T> {
    List<T> load(int offset, int limit);
  }

  private final int pageSize;
  private final Consumer<List<T>> show;
  private final Button more;
  private final List<T> shown = new ArrayList<>();
  private Pages<T> pages = (offset, limit) -> List.of();

  PagedRows(String moreButtonId, int pageSize, Consumer<List<T>> show) {
    this.pageSize = pageSize;
    this.show = show;
    this.more = new Button("Show more", e -> showMore());
    more.setId(moreButtonId);
    more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    more.setVisible(false);
  }

  Button moreButton() {
    return more;
  }

  /** The first page of {@code newPages} (a new window). */
  void load(Pages<T> newPages) {
    pages = newPages;
    shown.clear();
    fetch(pageSize);
  }

  /** {@code newPages} (the same window resolved again) as far as the rows shown reached. */
  void reload(Pages<T> newPages) {
    int reach = Math.max(pageSize, shown.size());
    pages = newPages;
    shown.clear();
    fetch(reach);
  }

  private void showMore() {
    fetch(pageSize);
  }

  /** One row more than asked tells whether there is a next page. */
  private void fetch(int limit) {
    List<T> rows = pages.load(shown.size(), limit + 1);
    shown.addAll(rows.subList(0, Math.min(limit, rows.size())));
    more.setVisible(rows.size() > limit);
    show.accept(List.copyOf(shown));
  }
}
