package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindow;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindowDraft;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.alerting.service.ChannelService;
import dev.meerkat.dashboard.alerting.service.SilenceService;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.stream.Collectors;

/** Routes (labels to channels) and silences (labels muted until they expire). */
@PermitAll
@Route(value = "silences", layout = MainLayout.class)
@PageTitle("Routing and silences | Meerkat")
public final class SilencesView extends VerticalLayout {

  private final SilenceService silences;
  private final ChannelService channels;
  private final Grid<Silence> silenceGrid = new Grid<>();
  private final Grid<AlertRoute> routeGrid = new Grid<>();
  private final Grid<MaintenanceWindow> windowGrid = new Grid<>();

  public SilencesView(SilenceService silences, ChannelService channels) {
    this.silences = silences;
    this.channels = channels;
    setSizeFull();
    add(
        new H2("Routes"),
        createRouteGrid(),
        editorOnly(createRouteForm()),
        new H2("Silences"),
        createSilenceGrid(),
        editorOnly(new H3("New silence")),
        editorOnly(createSilenceForm()),
        new H2("Maintenance windows"),
        createWindowGrid(),
        editorOnly(createWindowForm()));
    refresh();
  }

  private Grid<AlertRoute> createRouteGrid() {
    Map<String, String> names =
        channels.list().stream().collect(Collectors.toMap(Channel::id, Channel::name));
    routeGrid.setId("routes-grid");
    routeGrid.addColumn(r -> r.ordinal()).setHeader("#");
    routeGrid.addColumn(r -> r.matchers().toString()).setHeader("Matchers").setFlexGrow(2);
    routeGrid
        .addColumn(
            r ->
                r.channelIds().stream()
                    .map(id -> names.getOrDefault(id, "(deleted)"))
                    .collect(Collectors.joining(", ")))
        .setHeader("Channels")
        .setFlexGrow(2);
    routeGrid.addColumn(r -> r.continueMatching() ? "continue" : "stop").setHeader("After match");
    routeGrid
        .addComponentColumn(
            r -> {
              Button delete =
                  new Button(
                      "Delete",
                      e -> {
                        silences.deleteRoute(r.id());
                        refresh();
                      });
              delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
              delete.setVisible(CurrentUser.may(Role.EDITOR));
              return delete;
            })
        .setAutoWidth(true);
    routeGrid.setAllRowsVisible(true);
    return routeGrid;
  }

  private FormLayout createRouteForm() {
    TextField matchers = new TextField("Matchers (empty: every alert)");
    matchers.setId("route-matchers");
    MultiSelectComboBox<Channel> targets = new MultiSelectComboBox<>("Channels");
    targets.setId("route-channels");
    targets.setItems(channels.list());
    targets.setItemLabelGenerator(Channel::name);
    Checkbox continueMatching = new Checkbox("Continue with the next routes");
    Problems problems = new Problems("route-problems");
    Button add =
        new Button(
            "Add route",
            e -> {
              SilenceService.Result<?> result =
                  silences.addRoute(
                      matchers.getValue(),
                      targets.getSelectedItems().stream().map(Channel::id).toList(),
                      continueMatching.getValue());
              problems.show(result.problems());
              if (result.saved().isPresent()) {
                matchers.clear();
                targets.clear();
                refresh();
              }
            });
    add.setId("route-save");
    return new FormLayout(matchers, targets, continueMatching, add, problems);
  }

  private Grid<Silence> createSilenceGrid() {
    silenceGrid.setId("silences-grid");
    silenceGrid.addColumn(s -> s.matchers().toString()).setHeader("Matchers").setFlexGrow(2);
    silenceGrid.addColumn(s -> Formats.time(s.startsAt())).setHeader("From").setAutoWidth(true);
    silenceGrid.addColumn(s -> Formats.time(s.endsAt())).setHeader("Until").setAutoWidth(true);
    silenceGrid.addColumn(Silence::comment).setHeader("Comment").setFlexGrow(2);
    silenceGrid
        .addComponentColumn(
            s -> {
              Button expire =
                  new Button(
                      "Expire now",
                      e -> {
                        silences.expire(s.id());
                        refresh();
                      });
              expire.addThemeVariants(ButtonVariant.LUMO_SMALL);
              expire.setVisible(CurrentUser.may(Role.EDITOR));
              return expire;
            })
        .setAutoWidth(true);
    silenceGrid.setAllRowsVisible(true);
    return silenceGrid;
  }

  private FormLayout createSilenceForm() {
    TextField matchers = new TextField("Matchers (service=checkout, severity=page)");
    matchers.setId("silence-matchers");
    TextField duration = new TextField("For (e.g. 2h)");
    duration.setId("silence-duration");
    duration.setValue("2h");
    TextField comment = new TextField("Comment");
    comment.setId("silence-comment");
    Problems problems = new Problems("silence-problems");
    Button save =
        new Button(
            "Silence",
            e -> {
              SilenceService.Result<Silence> result =
                  silences.create(
                      matchers.getValue(), duration.getValue(), comment.getValue(), "dashboard");
              problems.show(result.problems());
              if (result.saved().isPresent()) {
                matchers.clear();
                comment.clear();
                Notification.show("Silenced until " + Formats.time(result.saved().get().endsAt()));
                refresh();
              }
            });
    save.setId("silence-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    FormLayout form = new FormLayout(matchers, duration, comment, save, problems);
    form.setId("silence-form");
    return form;
  }

  private Grid<MaintenanceWindow> createWindowGrid() {
    windowGrid.setId("windows-grid");
    windowGrid.addColumn(MaintenanceWindow::name).setHeader("Name");
    windowGrid
        .addColumn(
            w ->
                w.isDaily()
                    ? "daily " + w.dailyStart() + "–" + w.dailyEnd() + " UTC"
                    : Formats.time(w.startsAt()) + " – " + Formats.time(w.endsAt()))
        .setHeader("When")
        .setFlexGrow(2);
    windowGrid.addColumn(w -> w.matchers().toString()).setHeader("Matchers");
    windowGrid
        .addComponentColumn(
            w -> {
              Button delete =
                  new Button(
                      "Delete",
                      e -> {
                        silences.deleteMaintenanceWindow(w.id());
                        refresh();
                      });
              delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
              delete.setVisible(CurrentUser.may(Role.EDITOR));
              return delete;
            })
        .setAutoWidth(true);
    windowGrid.setAllRowsVisible(true);
    return windowGrid;
  }

  /** Notifications matching a window while it is open are dropped (recorded as suppressed). */
  private FormLayout createWindowForm() {
    TextField name = new TextField("Name");
    name.setId("window-name");
    Checkbox daily = new Checkbox("Daily (times in UTC)");
    daily.setId("window-daily");
    daily.setValue(true);
    TextField from = new TextField("From (HH:mm, or an instant for a one-off)");
    from.setId("window-from");
    from.setValue("02:00");
    TextField to = new TextField("To");
    to.setId("window-to");
    to.setValue("03:00");
    TextField matchers = new TextField("Matchers (empty: every alert)");
    matchers.setId("window-matchers");
    Problems problems = new Problems("window-problems");
    Button save =
        new Button(
            "Add window",
            e -> {
              SilenceService.Result<MaintenanceWindow> result =
                  silences.addMaintenanceWindow(
                      new MaintenanceWindowDraft(
                          name.getValue(),
                          daily.getValue(),
                          from.getValue(),
                          to.getValue(),
                          matchers.getValue()));
              problems.show(result.problems());
              if (result.saved().isPresent()) {
                name.clear();
                refresh();
              }
            });
    save.setId("window-save");
    FormLayout form = new FormLayout(name, daily, from, to, matchers, save, problems);
    form.setId("window-form");
    return form;
  }

  private void refresh() {
    windowGrid.setItems(silences.maintenanceWindows());
    silenceGrid.setItems(silences.silences());
    routeGrid.setItems(silences.routes());
  }

  /** Forms of changes are shown to editors only; the services refuse the others anyway. */
  private static <T extends Component> T editorOnly(T component) {
    component.setVisible(CurrentUser.may(Role.EDITOR));
    return component;
  }
}
