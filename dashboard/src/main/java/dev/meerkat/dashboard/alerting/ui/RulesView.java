package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricRuleDraft;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.Numbers;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState;
import dev.meerkat.dashboard.alerting.service.RuleService;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import dev.meerkat.dashboard.ui.ConfirmingDeleteButton;
import dev.meerkat.dashboard.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Metric alert rules: list with each group's state, and a form with validation messages. */
@PermitAll
@Route(value = "rules", layout = MainLayout.class)
@PageTitle("Alert rules | Meerkat")
public final class RulesView extends VerticalLayout {

  private final RuleService rules;
  private final Grid<MetricRule> grid = new Grid<>();
  private final TextField name = text("Name", "rule-name");
  private final Select<MetricSeries> series = new Select<>();
  private final TextField service = text("Service (empty: every service)", "rule-service");
  private final TextField metricName = text("Metric name (stored metric)", "rule-metric");
  private final Select<MetricRule.Comparison> comparison = new Select<>();
  private final NumberField threshold = new NumberField("Threshold");
  private final TextField window = text("Window", "rule-window");
  private final TextField forDuration = text("For", "rule-for");
  private final Select<MetricRule.NoData> noData = new Select<>();
  private final TextField repeat = text("Repeat every (0: never)", "rule-repeat");
  private final TextField labels = text("Labels (severity=page, team=payments)", "rule-labels");
  private final Problems problems = new Problems("rule-problems");
  private final H3 formTitle = new H3("New rule");
  private final Button cancelEdit = new Button("Cancel edit", e -> reset());
  private Optional<String> editing = Optional.empty();

  public RulesView(RuleService rules) {
    this.rules = rules;
    setSizeFull();
    formTitle.setId("rule-form-title");
    add(new H2("Metric alert rules"), createGrid());
    if (CurrentUser.may(Role.EDITOR)) {
      add(formTitle, createForm());
    }
    refresh();
  }

  private Grid<MetricRule> createGrid() {
    grid.setId("rules-grid");
    grid.addColumn(MetricRule::name).setHeader("Name");
    grid.addColumn(MetricRule::describe).setHeader("Condition").setFlexGrow(2);
    grid.addColumn(r -> r.everyService() ? "(each service)" : r.service()).setHeader("Service");
    grid.addColumn(r -> LabelMatchers.format(r.labels())).setHeader("Labels");
    grid.addColumn(this::states).setHeader("State").setFlexGrow(2);
    grid.addComponentColumn(
            r -> {
              Span actions =
                  new Span(
                      createEditButton(r),
                      new ConfirmingDeleteButton(
                          "rule-delete-" + r.id(),
                          "rule " + r.name(),
                          () -> {
                            rules.delete(r.id());
                            Notification.show("Deleted rule " + r.name());
                            refresh();
                          }));
              actions.setVisible(CurrentUser.may(Role.EDITOR));
              return actions;
            })
        .setWidth("17em")
        .setFlexGrow(0)
        .setFrozenToEnd(true);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Button createEditButton(MetricRule rule) {
    Button edit = new Button("Edit", e -> rules.find(rule.id()).ifPresent(this::edit));
    edit.setId("rule-edit-" + rule.id());
    edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return edit;
  }

  /**
   * Fills the form with a stored rule. What the rule measures (series, metric, service) defines its
   * alert groups and stays fixed; everything else can change, and the groups' alert states carry
   * over to the new definition (see docs/alerting.md, "Editing rules and SLOs").
   */
  private void edit(MetricRule rule) {
    editing = Optional.of(rule.id());
    formTitle.setText("Edit rule " + rule.name());
    name.setValue(rule.name());
    series.setValue(rule.series());
    metricName.setValue(rule.metricName());
    service.setValue(rule.service());
    comparison.setValue(rule.comparison());
    threshold.setValue(rule.threshold());
    window.setValue(Numbers.duration(rule.window()));
    forDuration.setValue(rule.forDuration().isZero() ? "0" : Numbers.duration(rule.forDuration()));
    noData.setValue(rule.noData());
    repeat.setValue(rule.repeatInterval().isZero() ? "0" : Numbers.duration(rule.repeatInterval()));
    labels.setValue(LabelMatchers.format(rule.labels()));
    series.setReadOnly(true);
    metricName.setReadOnly(true);
    service.setReadOnly(true);
    cancelEdit.setVisible(true);
    problems.show(List.of());
  }

  private void reset() {
    editing = Optional.empty();
    formTitle.setText("New rule");
    name.clear();
    series.setReadOnly(false);
    metricName.setReadOnly(false);
    service.setReadOnly(false);
    cancelEdit.setVisible(false);
  }

  private String states(MetricRule rule) {
    return rules.states(rule.id()).values().stream()
        .filter(s -> s.state() != RuleGroupState.Phase.OK)
        .map(s -> s.group() + ": " + s.state())
        .collect(Collectors.joining(", "));
  }

  private FormLayout createForm() {
    series.setLabel("Series");
    series.setId("rule-series");
    series.setItems(MetricSeries.values());
    series.setItemLabelGenerator(
        s -> s == MetricSeries.METRIC ? "stored metric (mean)" : s.label() + " (" + s.unit() + ")");
    series.setValue(MetricSeries.ERROR_RATE);
    series.addValueChangeListener(e -> metricName.setVisible(e.getValue() == MetricSeries.METRIC));
    metricName.setVisible(false);
    comparison.setLabel("Fires when");
    comparison.setId("rule-comparison");
    comparison.setItems(MetricRule.Comparison.values());
    comparison.setItemLabelGenerator(c -> c == MetricRule.Comparison.ABOVE ? "above" : "below");
    comparison.setValue(MetricRule.Comparison.ABOVE);
    threshold.setId("rule-threshold");
    window.setValue("5m");
    forDuration.setValue("2m");
    noData.setLabel("No data");
    noData.setId("rule-nodata");
    noData.setItems(MetricRule.NoData.values());
    noData.setItemLabelGenerator(
        n -> n == MetricRule.NoData.FIRE ? "fires (after the same for)" : "is fine");
    noData.setValue(MetricRule.NoData.OK);
    repeat.setValue("0");
    labels.setValue("severity=page");
    Button save = new Button("Save rule", e -> save());
    save.setId("rule-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    cancelEdit.setId("rule-cancel-edit");
    cancelEdit.setVisible(false);
    FormLayout form =
        new FormLayout(
            name,
            series,
            metricName,
            service,
            comparison,
            threshold,
            window,
            forDuration,
            noData,
            repeat,
            labels,
            save,
            cancelEdit,
            problems);
    form.setId("rule-form");
    return form;
  }

  private void save() {
    MetricRuleDraft draft =
        new MetricRuleDraft(
            name.getValue(),
            series.getValue(),
            service.getValue(),
            comparison.getValue(),
            threshold.getValue(),
            window.getValue(),
            forDuration.getValue(),
            noData.getValue(),
            repeat.getValue(),
            labels.getValue(),
            metricName.getValue());
    RuleService.SaveResult result = rules.save(editing, draft);
    problems.show(result.problems());
    if (result.saved().isPresent()) {
      reset();
      Notification.show("Rule saved");
      refresh();
    }
  }

  private void refresh() {
    grid.setItems(rules.list());
  }

  private static TextField text(String label, String id) {
    TextField field = new TextField(label);
    field.setId(id);
    return field;
  }
}
