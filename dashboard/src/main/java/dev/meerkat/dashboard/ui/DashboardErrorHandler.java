package dev.meerkat.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import dev.meerkat.store.query.QueryLimitException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place UI errors end up: logged in full, shown to the user as a generic message. A query
 * refused by the store's limits is the user's to fix, so its message is shown as it is.
 */
class DashboardErrorHandler implements ErrorHandler {

  private static final Logger logger = LoggerFactory.getLogger(DashboardErrorHandler.class);
  static final String MESSAGE = "Something went wrong. The details are in the dashboard log.";

  @Override
  public void error(ErrorEvent event) {
    Optional<QueryLimitException> limit = queryLimit(event.getThrowable());
    if (limit.isPresent()) {
      logger.info("Query refused: {}", limit.get().getMessage());
    } else {
      logger.error("Unexpected error in the dashboard UI", event.getThrowable());
    }
    String message = limit.map(Throwable::getMessage).orElse(MESSAGE);
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.access(
          () -> {
            Notification notification =
                Notification.show(message, 8000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
          });
    }
  }

  /** The query limit behind {@code error}, which Vaadin may have wrapped. */
  static Optional<QueryLimitException> queryLimit(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof QueryLimitException limit) {
        return Optional.of(limit);
      }
    }
    return Optional.empty();
  }
}
