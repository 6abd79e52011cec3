package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.meerkat.dashboard.slo.domain.NewSlo;
import dev.meerkat.dashboard.slo.domain.SloWindow;
import java.util.List;
import java.util.Map;

/** Form for a new availability SLO; validates and fires {@link SaveEvent}. */
class SloForm extends FormLayout {

  private final TextField name = createName();
  private final ComboBox<String> service = new ComboBox<>("Service");
  private final NumberField objective = createObjective();
  private final Select<SloWindow> window = createWindow();
  private final NumberField threshold = createThreshold();
  private final TextField webhookUrl = createWebhookUrl();
  private final Map<NewSlo.Field, HasValidation> fields =
      Map.of(
          NewSlo.Field.NAME, name,
          NewSlo.Field.SERVICE, service,
          NewSlo.Field.OBJECTIVE, objective,
          NewSlo.Field.WINDOW, window,
          NewSlo.Field.THRESHOLD, threshold,
          NewSlo.Field.WEBHOOK_URL, webhookUrl);

  SloForm(List<String> services) {
    setId("slo-form");
    service.setId("slo-service");
    service.setItems(services);
    service.setAllowCustomValue(false);
    add(name, service, objective, window, threshold, webhookUrl, createSaveButton());
  }

  private TextField createName() {
    TextField field = new TextField("Name");
    field.setId("slo-name");
    field.setPlaceholder("Checkout availability");
    return field;
  }

  private NumberField createObjective() {
    NumberField field = new NumberField("Objective (%)");
    field.setId("slo-objective");
    field.setValue(99.5);
    field.setStep(0.1);
    return field;
  }

  private Select<SloWindow> createWindow() {
    Select<SloWindow> select = new Select<>();
    select.setLabel("Window");
    select.setItems(SloWindow.values());
    select.setItemLabelGenerator(SloWindow::label);
    select.setValue(SloWindow.TWENTY_EIGHT_DAYS);
    return select;
  }

  private NumberField createThreshold() {
    NumberField field = new NumberField("Burn-rate threshold");
    field.setId("slo-threshold");
    field.setValue(NewSlo.DEFAULT_BURN_RATE_THRESHOLD);
    return field;
  }

  private TextField createWebhookUrl() {
    TextField field = new TextField("Webhook URL (optional)");
    field.setId("slo-webhook");
    field.setPlaceholder("https://hooks.example.com/...");
    return field;
  }

  private Button createSaveButton() {
    Button save = new Button("Create SLO", e -> save());
    save.setId("slo-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return save;
  }

  private void save() {
    NewSlo slo =
        new NewSlo(
            name.getValue(),
            service.getValue(),
            objective.getValue(),
            window.getValue(),
            threshold.getValue(),
            webhookUrl.getValue());
    Map<NewSlo.Field, String> problems = slo.problems();
    fields.forEach(
        (field, input) -> {
          input.setErrorMessage(problems.get(field));
          input.setInvalid(problems.containsKey(field));
        });
    if (problems.isEmpty()) {
      fireEvent(new SaveEvent(this, slo));
      name.clear();
      webhookUrl.clear();
    }
  }

  Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> l) {
    return addListener(SaveEvent.class, l);
  }

  /** A valid SLO was entered. */
  static final class SaveEvent extends ComponentEvent<SloForm> {
    private final NewSlo slo;

    SaveEvent(SloForm source, NewSlo slo) {
      super(source, false);
      this.slo = slo;
    }

    NewSlo slo() {
      return slo;
    }
  }
}
