package dev.meerkat.dashboard.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Installs {@link DashboardErrorHandler} on every Vaadin session. */
@Component
class ErrorHandlerInstaller implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .addSessionInitListener(
            init -> init.getSession().setErrorHandler(new DashboardErrorHandler()));
  }
}
