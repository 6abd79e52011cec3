package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.meerkat.dashboard.slo.domain.NewSlo;
import dev.meerkat.dashboard.slo.domain.SloDraft;
import dev.meerkat.dashboard.slo.domain.SloLabels;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Form for an SLO: availability or latency, for a service or some of its operations, over a rolling
 * window or the calendar month. Every problem {@link SloDraft#problems()} finds is listed under the
 * form in the words of the SLO engine; a valid SLO fires {@link SaveEvent}.
 */
class SloForm extends FormLayout {

  private final TextField id = textField("Id", "slo-id", "checkout-availability");
  private final TextField name = textField("Name", "slo-name", "Checkout availability");
  private final ComboBox<String> service = new ComboBox<>("Service");
  private final Select<String> indicator =
      select("SLI", "slo-indicator", "availability", "latency");
  private final NumberField thresholdMillis = number("Latency threshold (ms)", "slo-threshold");
  private final TextField operations =
      textField("Operations (comma-separated, empty = all)", "slo-operations", "POST /pay");
  private final NumberField objective = number("Objective (%)", "slo-objective");
  private final Select<String> window = select("Window", "slo-window", "7d", "28d", "30d", "month");
  private final NumberField minimumEvents = number("Alert guard: minimum events", "slo-min-events");
  private final TextField webhookUrl =
      textField("Webhook URL (optional)", "slo-webhook", "https://hooks.example.com/...");
  // A button, not a checkbox: the SLO page's bundle chunk has no checkbox component.
  private final Button removeWebhook = new Button("Remove stored webhook", e -> toggleRemove());
  private boolean removingWebhook;
  private final TextField labels =
      textField("Labels (routing, silences)", "slo-labels", "team=payments, tier=1");
  private final Span mode = new Span("New SLO");
  private final Button cancelEdit = new Button("Cancel edit", e -> reset());
  private final UnorderedList problems = new UnorderedList();
  private boolean editing;

  SloForm(List<String> services) {
    setId("slo-form");
    service.setId("slo-service");
    service.setItems(services);
    service.setAllowCustomValue(true);
    service.addCustomValueSetListener(e -> service.setValue(e.getDetail()));
    objective.setValue(99.5);
    objective.setStep(0.1);
    window.setValue("28d");
    minimumEvents.setValue(SloSpec.DEFAULT_MINIMUM_EVENTS);
    thresholdMillis.setEnabled(false);
    indicator.addValueChangeListener(
        e -> thresholdMillis.setEnabled("latency".equals(e.getValue())));
    problems.setId("slo-problems");
    mode.setId("slo-form-mode");
    removeWebhook.setId("slo-webhook-remove");
    removeWebhook.setVisible(false);
    cancelEdit.setId("slo-cancel-edit");
    cancelEdit.setVisible(false);
    Div problemBox = new Div(problems);
    add(mode);
    setColspan(mode, 2);
    add(id, name, service, indicator, thresholdMillis, operations, objective, window);
    add(minimumEvents, labels, webhookUrl, removeWebhook, createSaveButton(), cancelEdit);
    add(problemBox);
    setColspan(problemBox, 2);
  }

  /**
   * Fills the form with a stored SLO to edit it: the same fields and validation as a new one; the
   * id stays fixed (it is the SLO's identity: its versions, alert state and history hang on it).
   * The webhook URL is not sent to the browser (it may hold a token): left empty, it is kept.
   */
  void edit(SloDefinition definition) {
    SloDraft draft = StoredSlos.draft(definition);
    editing = true;
    mode.setText("Edit SLO " + definition.id());
    id.setValue(definition.id());
    id.setReadOnly(true);
    name.setValue(definition.name());
    service.setValue(definition.service());
    indicator.setValue(draft.indicatorKind());
    thresholdMillis.setValue(
        draft.latencyThreshold() == null ? null : (double) draft.latencyThreshold().toMillis());
    operations.setValue(String.join(", ", draft.operations()));
    objective.setValue(draft.objectivePercent());
    window.setValue(draft.window());
    minimumEvents.setValue(definition.spec().minimumEvents());
    labels.setValue(SloLabels.format(definition.spec().labels()));
    webhookUrl.clear();
    webhookUrl.setPlaceholder(
        definition.hasWebhook()
            ? "(stored; leave empty to keep)"
            : "https://hooks.example.com/...");
    setRemovingWebhook(false);
    removeWebhook.setVisible(definition.hasWebhook());
    cancelEdit.setVisible(true);
    problems.removeAll();
  }

  /** Back to an empty form for a new SLO. */
  private void reset() {
    editing = false;
    mode.setText("New SLO");
    id.setReadOnly(false);
    id.clear();
    name.clear();
    webhookUrl.clear();
    webhookUrl.setPlaceholder("https://hooks.example.com/...");
    setRemovingWebhook(false);
    removeWebhook.setVisible(false);
    labels.clear();
    cancelEdit.setVisible(false);
  }

  private static TextField textField(String label, String elementId, String placeholder) {
    TextField field = new TextField(label);
    field.setId(elementId);
    field.setPlaceholder(placeholder);
    return field;
  }

  private static NumberField number(String label, String elementId) {
    NumberField field = new NumberField(label);
    field.setId(elementId);
    return field;
  }

  private static Select<String> select(String label, String elementId, String... values) {
    Select<String> select = new Select<>();
    select.setLabel(label);
    select.setId(elementId);
    select.setItems(values);
    select.setValue(values[0]);
    return select;
  }

  private Button createSaveButton() {
    Button save = new Button("Save SLO", e -> save());
    save.setId("slo-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return save;
  }

  private void save() {
    SloDraft draft = draft();
    List<String> found = new ArrayList<>(draft.problems());
    if (!NewSlo.isValidWebhookUrl(webhookUrl.getValue())) {
      found.add(NewSlo.URL_MESSAGE);
    }
    if (minimumEvents.getValue() == null || minimumEvents.getValue() < 0) {
      found.add("minimum events must be 0 or more");
    }
    Map<String, String> ownLabels = SloLabels.parse(labels.getValue(), found);
    problems.removeAll();
    found.forEach(problem -> problems.add(new ListItem(problem)));
    if (found.isEmpty()) {
      fireEvent(new SaveEvent(this, draft, webhookChange(), minimumEvents.getValue(), ownLabels));
      reset();
    }
  }

  private void toggleRemove() {
    setRemovingWebhook(!removingWebhook);
  }

  private void setRemovingWebhook(boolean remove) {
    removingWebhook = remove;
    removeWebhook.setText(
        remove ? "Keep stored webhook (will be removed)" : "Remove stored webhook");
    webhookUrl.setEnabled(!remove);
  }

  /** Empty keeps the stored webhook (editing only); "" removes it. */
  private Optional<String> webhookChange() {
    String typed = webhookUrl.getValue().strip();
    if (removingWebhook) {
      return Optional.of("");
    }
    return editing && typed.isEmpty() ? Optional.empty() : Optional.of(typed);
  }

  private SloDraft draft() {
    boolean latency = "latency".equals(indicator.getValue());
    Double millis = thresholdMillis.getValue();
    return new SloDraft(
        id.getValue().strip(),
        name.getValue(),
        service.getValue(),
        indicator.getValue(),
        latency && millis != null ? Duration.ofMillis(millis.longValue()) : null,
        Arrays.stream(operations.getValue().split(","))
            .map(String::strip)
            .filter(o -> !o.isEmpty())
            .toList(),
        objective.getValue(),
        window.getValue());
  }

  Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  /** A valid SLO was entered. */
  static final class SaveEvent extends ComponentEvent<SloForm> {
    private final SloDraft draft;
    private final Optional<String> webhookUrl;
    private final double minimumEvents;
    private final Map<String, String> labels;

    SaveEvent(
        SloForm source,
        SloDraft draft,
        Optional<String> webhookUrl,
        double minimumEvents,
        Map<String, String> labels) {
      super(source, false);
      this.draft = draft;
      this.webhookUrl = webhookUrl;
      this.minimumEvents = minimumEvents;
      this.labels = labels;
    }

    Map<String, String> labels() {
      return labels;
    }

    SloDraft draft() {
      return draft;
    }

    /** The new webhook URL, "" for none; empty to keep the stored one. */
    Optional<String> webhookUrl() {
      return webhookUrl;
    }

    double minimumEvents() {
      return minimumEvents;
    }
  }
}
