package dev.meerkat.dashboard.ui.time;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one time picker of every page: a preset or a custom from/to (entered in UTC, like every time
 * the dashboard shows), and auto-refresh. It fires selection listeners on user changes only (the
 * page then navigates to itself with {@link TimeSelection#mergeInto}) and refresh listeners every
 * refresh interval while attached (the page reloads its data in place). One picker per page: it
 * owns the UI's poll interval while attached.
 */
public final class TimePicker extends HorizontalLayout {

  static final String CUSTOM = "custom";

  private final Clock clock;
  private final Select<String> range = new Select<>();
  private final DateTimePicker from = createInstantField("From (UTC)", "time-from");
  private final DateTimePicker to = createInstantField("To (UTC)", "time-to");
  private final Button apply = new Button("Apply", e -> applyCustomRange());
  private final Select<AutoRefresh> refresh = new Select<>();
  private final Span problem = new Span();
  private final List<Consumer<TimeSelection>> selectionListeners = new ArrayList<>();
  private final List<Runnable> refreshListeners = new ArrayList<>();
  private TimeSelection selection = TimeSelection.of(Preset.ONE_HOUR);
  private Registration polling;

  /** A picker that fills a new custom range with the current window as of {@code clock}. */
  public TimePicker(Clock clock) {
    this.clock = clock;
    setAlignItems(Alignment.BASELINE);
    setWrap(true);
    createRange();
    createRefresh();
    apply.setId("time-apply");
    problem.setId("time-problem");
    add(range, from, to, apply, refresh, problem);
    show(selection);
  }

  public TimePicker() {
    this(Clock.systemUTC());
  }

  /** Shows {@code newSelection} (fires no listener) and polls at its refresh interval. */
  public void setSelection(TimeSelection newSelection) {
    selection = newSelection;
    problem.setText("");
    show(newSelection);
    restartPolling();
  }

  /** Shows what a page read from its link, and what was wrong with the link if anything. */
  public void setSelection(TimeSelection.Read read) {
    setSelection(read.selection());
    problem.setText(read.problem().orElse(""));
  }

  public TimeSelection getSelection() {
    return selection;
  }

  /** Called when the user picks a preset, applies a custom range or changes auto-refresh. */
  public Registration addSelectionListener(Consumer<TimeSelection> listener) {
    selectionListeners.add(listener);
    return () -> selectionListeners.remove(listener);
  }

  /** Called every refresh interval while the picker is attached; the page reloads its data. */
  public Registration addRefreshListener(Runnable listener) {
    refreshListeners.add(listener);
    return () -> refreshListeners.remove(listener);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    restartPolling();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    stopPolling(event.getUI());
  }

  private void createRange() {
    range.setId("time-range");
    range.setAriaLabel("Time range");
    List<String> items = new ArrayList<>();
    for (Preset preset : Preset.values()) {
      items.add(preset.token());
    }
    items.add(CUSTOM);
    range.setItems(items);
    range.setItemLabelGenerator(
        token -> Preset.ofToken(token).map(Preset::label).orElse("Custom range"));
    range.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            pickRange(e.getValue());
          }
        });
  }

  private void createRefresh() {
    refresh.setId("time-refresh");
    refresh.setAriaLabel("Auto-refresh");
    refresh.setItems(AutoRefresh.values());
    refresh.setItemLabelGenerator(AutoRefresh::label);
    refresh.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            choose(selection.withRefresh(e.getValue()));
          }
        });
  }

  private static DateTimePicker createInstantField(String label, String id) {
    DateTimePicker field = new DateTimePicker(label);
    field.setId(id);
    field.setLocale(Locale.UK);
    field.setDatePickerI18n(new DatePickerI18n().setDateFormat("yyyy-MM-dd"));
    field.setStep(Duration.ofMinutes(1));
    return field;
  }

  private void pickRange(String token) {
    if (CUSTOM.equals(token)) {
      Interval current = selection.window().resolve(clock.instant());
      from.setValue(local(current.from().truncatedTo(ChronoUnit.MINUTES)));
      to.setValue(local(current.to().truncatedTo(ChronoUnit.MINUTES)));
      showCustomFields(true);
    } else {
      Preset.ofToken(token).ifPresent(p -> choose(selection.withWindow(TimeWindow.last(p))));
    }
  }

  private void applyCustomRange() {
    if (from.getValue() == null || to.getValue() == null) {
      problem.setText("Give both From and To, or pick a preset.");
      return;
    }
    Instant start = from.getValue().toInstant(ZoneOffset.UTC);
    Instant end = to.getValue().toInstant(ZoneOffset.UTC);
    Duration longest = Preset.longest().duration();
    if (!start.isBefore(end)) {
      problem.setText("From must be before To.");
    } else if (Duration.between(start, end).compareTo(longest) > 0) {
      problem.setText("A range can be at most " + longest.toDays() + " days long.");
    } else {
      choose(selection.withWindow(TimeWindow.between(start, end)));
    }
  }

  private void choose(TimeSelection chosen) {
    selection = chosen;
    problem.setText("");
    restartPolling();
    List.copyOf(selectionListeners).forEach(listener -> listener.accept(chosen));
  }

  private void show(TimeSelection shown) {
    refresh.setValue(shown.refresh());
    switch (shown.window()) {
      case TimeWindow.Last last -> {
        range.setValue(last.preset().token());
        showCustomFields(false);
      }
      case TimeWindow.Between between -> {
        range.setValue(CUSTOM);
        from.setValue(local(between.interval().from()));
        to.setValue(local(between.interval().to()));
        showCustomFields(true);
      }
    }
  }

  private void showCustomFields(boolean visible) {
    from.setVisible(visible);
    to.setVisible(visible);
    apply.setVisible(visible);
  }

  private void restartPolling() {
    getUI().ifPresent(this::stopPolling);
    getUI().ifPresent(this::startPolling);
  }

  private void startPolling(UI ui) {
    selection
        .refresh()
        .interval()
        .ifPresent(
            interval -> {
              ui.setPollInterval(Math.toIntExact(interval.toMillis()));
              polling =
                  ui.addPollListener(e -> List.copyOf(refreshListeners).forEach(Runnable::run));
            });
  }

  private void stopPolling(UI ui) {
    if (polling != null) {
      polling.remove();
      polling = null;
      ui.setPollInterval(-1);
    }
  }

  private static LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
