package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelDraft;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.Secrets;
import dev.meerkat.dashboard.alerting.service.ChannelService;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import dev.meerkat.dashboard.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * Notification channels: list (secrets masked), a form with the fields of the chosen type, and a
 * "Send test" button that queues a test notification through the outbox (see the delivery log).
 */
@PermitAll
@Route(value = "channels", layout = MainLayout.class)
@PageTitle("Channels | Meerkat")
public final class ChannelsView extends VerticalLayout {

  private final ChannelService channels;
  private final Grid<Channel> grid = new Grid<>();
  private final Select<ChannelKind> kind = new Select<>();
  private final TextField name = field("Name", "channel-name");
  private final TextField url = field("URL", "channel-url");
  private final TextField routingKey = field("Routing key", "channel-routing-key");
  private final TextField hmacSecret = field("HMAC secret (optional)", "channel-hmac");
  private final TextField template = field("Body template (optional)", "channel-template");
  private final TextField receiver = field("Receiver name (optional)", "channel-receiver");
  private final TextField labels = field("Labels (team=payments)", "channel-labels");
  private final Problems problems = new Problems("channel-problems");
  private Optional<String> editing = Optional.empty();

  public ChannelsView(ChannelService channels) {
    this.channels = channels;
    setSizeFull();
    add(new H2("Notification channels"), createGrid());
    if (CurrentUser.may(Role.EDITOR)) {
      add(new H3("New channel"), createForm());
    }
    refresh();
  }

  private Grid<Channel> createGrid() {
    grid.setId("channels-grid");
    grid.addColumn(Channel::name).setHeader("Name").setFlexGrow(2);
    grid.addColumn(c -> c.kind().label()).setHeader("Type").setAutoWidth(true);
    grid.addColumn(Channel::maskedEndpoint).setHeader("Endpoint").setAutoWidth(true);
    grid.addColumn(c -> Secrets.mask(c.secrets().routingKey() + c.secrets().hmacSecret()))
        .setHeader("Secret");
    grid.addColumn(Channel::labelText).setHeader("Labels");
    if (CurrentUser.may(Role.EDITOR)) {
      grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    }
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Component actions(Channel channel) {
    Button test = new Button("Send test");
    test.setId("channel-test-" + channel.name().replaceAll("[^A-Za-z0-9]", "-"));
    test.addThemeVariants(ButtonVariant.LUMO_SMALL);
    test.addClickListener(
        e ->
            Notification.show(
                channels.sendTest(channel.id()).isPresent()
                    ? "Test notification queued: see the delivery log"
                    : "Channel no longer exists"));
    Button edit = new Button("Edit", e -> edit(channel));
    edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
    Button delete =
        new Button(
            "Delete",
            e -> {
              channels.delete(channel.id());
              refresh();
            });
    delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    Div buttons = new Div(test, edit, delete);
    buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
    return buttons;
  }

  private FormLayout createForm() {
    kind.setLabel("Type");
    kind.setId("channel-kind");
    kind.setItems(ChannelKind.values());
    kind.setItemLabelGenerator(ChannelKind::label);
    kind.setValue(ChannelKind.WEBHOOK);
    kind.addValueChangeListener(e -> showFieldsOf(e.getValue()));
    template.setPlaceholder("{\"text\": \"{{summary}}\"}");
    Button save = new Button("Save channel", e -> save());
    save.setId("channel-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    FormLayout form =
        new FormLayout(
            kind, name, url, routingKey, hmacSecret, template, receiver, labels, save, problems);
    form.setId("channel-form");
    showFieldsOf(ChannelKind.WEBHOOK);
    return form;
  }

  private void showFieldsOf(ChannelKind type) {
    routingKey.setVisible(type == ChannelKind.PAGERDUTY);
    hmacSecret.setVisible(type == ChannelKind.WEBHOOK);
    template.setVisible(type == ChannelKind.WEBHOOK);
    receiver.setVisible(type == ChannelKind.ALERTMANAGER);
    url.setLabel(
        switch (type) {
          case SLACK -> "Incoming webhook URL";
          case PAGERDUTY -> "Events API URL (empty: PagerDuty)";
          default -> "URL";
        });
  }

  /** Secrets are never sent back to the browser: empty secret fields keep the stored values. */
  private void edit(Channel channel) {
    editing = Optional.of(channel.id());
    kind.setValue(channel.kind());
    name.setValue(channel.name());
    url.clear();
    url.setPlaceholder(channel.maskedEndpoint() + " (empty: unchanged)");
    routingKey.clear();
    routingKey.setPlaceholder(Secrets.mask(channel.secrets().routingKey()));
    hmacSecret.clear();
    hmacSecret.setPlaceholder(Secrets.mask(channel.secrets().hmacSecret()));
    template.setValue(channel.template());
    receiver.setValue(channel.receiver());
    labels.setValue(channel.labelText());
  }

  private void save() {
    ChannelDraft draft =
        new ChannelDraft(
            name.getValue(),
            kind.getValue(),
            url.getValue(),
            routingKey.getValue(),
            hmacSecret.getValue(),
            template.getValue(),
            receiver.getValue(),
            labels.getValue());
    ChannelService.SaveResult result = channels.save(editing, draft);
    problems.show(result.problems());
    if (result.saved().isPresent()) {
      editing = Optional.empty();
      for (TextField f :
          new TextField[] {name, url, routingKey, hmacSecret, template, receiver, labels}) {
        f.clear();
        f.setPlaceholder("");
      }
      Notification.show("Channel saved");
      refresh();
    }
  }

  private void refresh() {
    grid.setItems(channels.list());
  }

  private static TextField field(String label, String id) {
    TextField field = new TextField(label);
    field.setId(id);
    return field;
  }
}
