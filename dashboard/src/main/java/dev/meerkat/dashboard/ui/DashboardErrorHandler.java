package dev.meerkat.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place UI errors end up: logged in full, shown to the user as a generic message. */
class DashboardErrorHandler implements ErrorHandler {

  private static final Logger logger = LoggerFactory.getLogger(DashboardErrorHandler.class);
  static final String MESSAGE = "Something went wrong. The details are in the dashboard log.";

  @Override
  public void error(ErrorEvent event) {
    logger.error("Unexpected error in the dashboard UI", event.getThrowable());
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.access(
          () -> {
            Notification notification =
                Notification.show(MESSAGE, 5000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
          });
    }
  }
}
