package dev.meerkat.dashboard.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** Application frame: title bar and navigation to the feature views. */
public final class MainLayout extends AppLayout {

  public MainLayout() {
    setPrimarySection(Section.DRAWER);
    addToNavbar(new DrawerToggle(), createTitle());
    addToDrawer(createNavigation());
  }

  private H1 createTitle() {
    H1 title = new H1("Meerkat");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    return title;
  }

  private SideNav createNavigation() {
    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Services", "services", VaadinIcon.SERVER.create()));
    nav.addItem(new SideNavItem("Traces", "traces", VaadinIcon.LIST.create()));
    nav.addItem(new SideNavItem("SLOs", "slos", VaadinIcon.CHECK_CIRCLE.create()));
    nav.addItem(new SideNavItem("Alerts", "alerts", VaadinIcon.BELL.create()));
    nav.addItem(new SideNavItem("Alert rules", "rules", VaadinIcon.FILTER.create()));
    nav.addItem(new SideNavItem("Channels", "channels", VaadinIcon.CONNECT.create()));
    nav.addItem(new SideNavItem("Routing & silences", "silences", VaadinIcon.BELL_SLASH.create()));
    nav.addItem(new SideNavItem("Delivery log", "deliveries", VaadinIcon.ENVELOPES.create()));
    return nav;
  }
}
