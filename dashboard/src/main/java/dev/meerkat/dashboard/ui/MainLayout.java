package dev.meerkat.dashboard.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** Application frame: title bar with the signed-in user and sign-out, navigation to the views. */
@PermitAll
public final class MainLayout extends AppLayout {

  private final AuthenticationContext authentication;

  public MainLayout(AuthenticationContext authentication) {
    this.authentication = authentication;
    setPrimarySection(Section.DRAWER);
    addToNavbar(new DrawerToggle(), createTitle(), createTraceIdSearch());
    if (authentication.isAuthenticated()) {
      addToNavbar(createSignOut());
    }
    addToDrawer(createNavigation());
  }

  private Span createSignOut() {
    Span user = new Span(authentication.getPrincipalName().orElse(""));
    user.setId("signed-in-user");
    Button signOut = new Button("Sign out", e -> authentication.logout());
    signOut.setId("sign-out");
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Span box = new Span(user, signOut);
    // The trace-id search before it already pushes the header's right side to the right.
    box.getStyle()
        .set("margin-right", "var(--lumo-space-m)")
        .set("display", "flex")
        .set("align-items", "center")
        .set("gap", "var(--lumo-space-s)");
    return box;
  }

  private H1 createTitle() {
    H1 title = new H1("Meerkat");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    return title;
  }

  private TraceIdSearch createTraceIdSearch() {
    TraceIdSearch search = new TraceIdSearch();
    search.getStyle().set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
    return search;
  }

  private SideNav createNavigation() {
    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Services", "services", VaadinIcon.SERVER.create()));
    nav.addItem(new SideNavItem("Traces", "traces", VaadinIcon.LIST.create()));
    nav.addItem(new SideNavItem("Trace explorer", "explore", VaadinIcon.SEARCH.create()));
    nav.addItem(new SideNavItem("Service map", "map", VaadinIcon.SITEMAP.create()));
    nav.addItem(new SideNavItem("Logs", "logs", VaadinIcon.FILE_TEXT_O.create()));
    nav.addItem(new SideNavItem("SLOs", "slos", VaadinIcon.CHECK_CIRCLE.create()));
    nav.addItem(new SideNavItem("Alerts", "alerts", VaadinIcon.BELL.create()));
    nav.addItem(new SideNavItem("Alert rules", "rules", VaadinIcon.FILTER.create()));
    nav.addItem(new SideNavItem("Channels", "channels", VaadinIcon.CONNECT.create()));
    nav.addItem(new SideNavItem("Routing & silences", "silences", VaadinIcon.BELL_SLASH.create()));
    nav.addItem(new SideNavItem("Delivery log", "deliveries", VaadinIcon.ENVELOPES.create()));
    if (authentication.hasRole("ADMIN")) {
      nav.addItem(new SideNavItem("Audit log", "audit", VaadinIcon.CLIPBOARD_USER.create()));
    }
    return nav;
  }
}
