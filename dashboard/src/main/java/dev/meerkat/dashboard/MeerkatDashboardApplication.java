package dev.meerkat.dashboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Meerkat's web dashboard: services, traces, SLOs and alerts over the ClickHouse store. */
@SpringBootApplication
@ConfigurationPropertiesScan
// Without the Lumo stylesheet on the app shell only base styles render (Vaadin 25).
@StyleSheet(Lumo.STYLESHEET)
public class MeerkatDashboardApplication implements AppShellConfigurator {

  public static void main(String[] args) {
    SpringApplication.run(MeerkatDashboardApplication.class, args);
  }
}
