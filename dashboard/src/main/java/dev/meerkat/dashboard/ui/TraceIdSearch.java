package dev.meerkat.dashboard.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The header's "open trace" box: a pasted trace id opens its trace page (route {@code
 * trace/:traceId}, named by path because the traces feature depends on this package, not back).
 */
final class TraceIdSearch extends TextField {

  TraceIdSearch() {
    setId("trace-id-search");
    setPlaceholder("Open trace id");
    setAriaLabel("Open trace by id");
    setClearButtonVisible(true);
    setWidth("22em");
    // Fires on Enter (and on leaving a changed field): the value has reached the server by then.
    addValueChangeListener(
        e -> {
          if (e.isFromClient() && !e.getValue().isBlank()) {
            open(e.getValue());
          }
        });
  }

  private void open(String text) {
    TraceIds.parse(text)
        .ifPresentOrElse(
            id -> {
              clear();
              getUI().ifPresent(ui -> ui.navigate("trace/" + id));
            },
            () -> {
              Notification notification =
                  Notification.show(
                      "Not a trace id: "
                          + TraceIds.FORMAT
                          + " (0-9, a-f), e.g. 4bf92f3577b34da6a3ce929d0e0e4736");
              notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
              notification.setId("trace-id-problem");
            });
  }
}
