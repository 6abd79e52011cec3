package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.meerkat.dashboard.traces.domain.TraceSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The explorer's search fields (the time range is the page's time picker). Submitting hands over
 * the fields as URL query parameters, so the typed text is read by {@link
 * TraceSearch#fromParameters} exactly like a link a colleague opens.
 */
final class ExplorerForm extends FormLayout {

  private final ComboBox<String> service = new ComboBox<>("Service");
  private final TextField operation = new TextField("Operation");
  private final TextField minMillis = new TextField("Min duration (ms)");
  private final TextField maxMillis = new TextField("Max duration (ms)");
  private final Select<String> status = new Select<>();
  private final TextArea attributes = new TextArea("Attributes (key=value, one per line)");
  private final Button search = new Button("Search");

  ExplorerForm(List<String> services, Consumer<Map<String, List<String>>> onSearch) {
    setId("explorer-form");
    service.setId("explorer-service");
    service.setItems(services);
    service.setAllowCustomValue(true);
    service.addCustomValueSetListener(e -> service.setValue(e.getDetail()));
    service.setClearButtonVisible(true);
    operation.setId("explorer-operation");
    minMillis.setId("explorer-min");
    maxMillis.setId("explorer-max");
    status.setId("explorer-status");
    status.setLabel("Status");
    status.setItems("any", "ok", "error", "unset");
    attributes.setId("explorer-attributes");
    search.setId("explorer-search");
    search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    search.addClickListener(e -> onSearch.accept(parameters()));
    add(service, operation, minMillis, maxMillis, status, attributes, search);
    setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("900px", 4));
    setColspan(attributes, 2);
  }

  /** Shows {@code search} in the fields. */
  void show(TraceSearch search) {
    service.setValue(search.service().isEmpty() ? null : search.service());
    operation.setValue(search.operation());
    minMillis.setValue(search.minMillis().map(v -> v.toPlainString()).orElse(""));
    maxMillis.setValue(search.maxMillis().map(v -> v.toPlainString()).orElse(""));
    status.setValue(search.status().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("any"));
    attributes.setValue(
        String.join(
            "\n", search.attributes().stream().map(a -> a.key() + "=" + a.value()).toList()));
  }

  private Map<String, List<String>> parameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("service", List.of(service.getValue() == null ? "" : service.getValue()));
    parameters.put("operation", List.of(operation.getValue()));
    parameters.put("minDurationMs", List.of(minMillis.getValue()));
    parameters.put("maxDurationMs", List.of(maxMillis.getValue()));
    // "any" is no filter: left out of the URL like every other empty field.
    String chosen = status.getValue();
    parameters.put("status", List.of(chosen == null || chosen.equals("any") ? "" : chosen));
    List<String> pairs = new ArrayList<>();
    for (String line : attributes.getValue().split("\n")) {
      if (!line.isBlank()) {
        pairs.add(line.strip());
      }
    }
    parameters.put("attr", pairs);
    return parameters;
  }
}
