package dev.meerkat.dashboard.ui.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.AbstractField.ComponentValueChangeEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The picker's logic without a browser; TimePickerBrowserIT proves it in Chromium. */
class TimePickerTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T14:00:30Z"), ZoneOffset.UTC);

  private final TimePicker picker = new TimePicker(CLOCK);
  private final List<TimeSelection> chosen = new ArrayList<>();

  TimePickerTest() {
    picker.addSelectionListener(chosen::add);
  }

  @SuppressWarnings("unchecked")
  private <T> T child(String id, Class<T> type) {
    return (T)
        picker
            .getChildren()
            .filter(c -> c.getId().equals(Optional.of(id)))
            .findFirst()
            .orElseThrow();
  }

  /** What Vaadin does when the user changes a field in the browser. */
  private static <C extends AbstractField<C, V>, V> void userSets(C field, V value) {
    V old = field.getValue();
    field.setValue(value);
    ComponentUtil.fireEvent(field, new ComponentValueChangeEvent<>(field, field, old, true));
  }

  @SuppressWarnings("unchecked")
  private Select<String> range() {
    return child("time-range", Select.class);
  }

  @Test
  void showingASelectionFiresNoListener() {
    picker.setSelection(TimeSelection.of(Preset.SEVEN_DAYS));

    assertThat(range().getValue()).isEqualTo("7d");
    assertThat(chosen).isEmpty();
  }

  @Test
  void pickingAPresetKeepsTheRefresh() {
    picker.setSelection(
        new TimeSelection(TimeWindow.last(Preset.ONE_HOUR), AutoRefresh.THIRTY_SECONDS));

    userSets(range(), "5m");

    assertThat(chosen)
        .containsExactly(
            new TimeSelection(TimeWindow.last(Preset.FIVE_MINUTES), AutoRefresh.THIRTY_SECONDS));
  }

  @Test
  void customRangeStartsAsTheCurrentWindowAndAppliesWhatTheUserTyped() {
    DateTimePicker from = child("time-from", DateTimePicker.class);
    DateTimePicker to = child("time-to", DateTimePicker.class);
    assertThat(from.isVisible()).isFalse();

    userSets(range(), TimePicker.CUSTOM);

    assertThat(chosen).isEmpty();
    assertThat(from.isVisible()).isTrue();
    assertThat(from.getValue()).isEqualTo(LocalDateTime.parse("2026-11-30T13:00"));
    assertThat(to.getValue()).isEqualTo(LocalDateTime.parse("2026-11-30T14:00"));

    from.setValue(LocalDateTime.parse("2026-11-29T22:15"));
    child("time-apply", Button.class).click();

    assertThat(chosen)
        .containsExactly(
            new TimeSelection(
                TimeWindow.between(
                    Instant.parse("2026-11-29T22:15:00Z"), Instant.parse("2026-11-30T14:00:00Z")),
                AutoRefresh.OFF));
  }

  @Test
  void applyRefusesFromAfterToAndTooLongRanges() {
    userSets(range(), TimePicker.CUSTOM);
    DateTimePicker from = child("time-from", DateTimePicker.class);
    Span problem = child("time-problem", Span.class);

    from.setValue(LocalDateTime.parse("2026-11-30T14:00"));
    child("time-apply", Button.class).click();
    assertThat(problem.getText()).isEqualTo("From must be before To.");

    from.setValue(LocalDateTime.parse("2026-10-31T13:59"));
    child("time-apply", Button.class).click();
    assertThat(problem.getText()).isEqualTo("A range can be at most 30 days long.");

    from.clear();
    child("time-apply", Button.class).click();
    assertThat(problem.getText()).isEqualTo("Give both From and To, or pick a preset.");
    assertThat(chosen).isEmpty();
  }

  @Test
  void showsTheProblemOfALink() {
    picker.setSelection(TimeSelection.read(QueryParameters.of("range", "2h"), Preset.ONE_HOUR));

    assertThat(child("time-problem", Span.class).getText())
        .isEqualTo(
            "Unknown range '2h': use 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d or 30d."
                + " Showing last 1 hour instead.");
    assertThat(range().getValue()).isEqualTo("1h");
  }

  @Test
  void pollsAtTheRefreshIntervalWhileAttachedAndStopsOnDetach() {
    UI ui = new UI();
    AtomicInteger reloads = new AtomicInteger();
    picker.addRefreshListener(reloads::incrementAndGet);
    picker.setSelection(
        new TimeSelection(TimeWindow.last(Preset.ONE_HOUR), AutoRefresh.TEN_SECONDS));

    ui.add(picker);
    assertThat(ui.getPollInterval()).isEqualTo(10_000);
    ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    assertThat(reloads).hasValue(2);

    picker.setSelection(TimeSelection.of(Preset.ONE_HOUR));
    assertThat(ui.getPollInterval()).isEqualTo(-1);
    ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    assertThat(reloads).hasValue(2);

    picker.setSelection(
        new TimeSelection(TimeWindow.last(Preset.ONE_HOUR), AutoRefresh.FIVE_MINUTES));
    assertThat(ui.getPollInterval()).isEqualTo(300_000);
    ui.remove(picker);
    assertThat(ui.getPollInterval()).isEqualTo(-1);
    ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    assertThat(reloads).hasValue(2);
  }
}
