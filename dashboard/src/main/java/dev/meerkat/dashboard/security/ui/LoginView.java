package dev.meerkat.dashboard.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.meerkat.dashboard.security.domain.SignInProvider;
import dev.meerkat.dashboard.security.domain.SignInProviders;
import dev.meerkat.dashboard.security.web.SignInLockedException;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page: user name and password, posted to Spring Security's {@code /login}; and a link
 * per OpenID Connect provider when one is configured. After a failed attempt Spring redirects to
 * {@code /login?error} and keeps the reason in the session, which tells "locked" from "wrong".
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Meerkat")
@AnonymousAllowed
public final class LoginView extends VerticalLayout implements BeforeEnterObserver {

  static final String WRONG = "Wrong user name or password.";

  private final LoginForm form = new LoginForm();

  public LoginView(SignInProviders providers) {
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    form.setId("login-form");
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    add(new H1("Meerkat"), form);
    for (SignInProvider provider : providers.list()) {
      Anchor link =
          new Anchor(
              "oauth2/authorization/" + provider.registrationId(),
              "Sign in with " + provider.displayName());
      // A full page load: the OpenID Connect redirect is not a Vaadin navigation.
      link.setRouterIgnore(true);
      link.setId("login-oidc-" + provider.registrationId());
      add(link);
    }
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
      return;
    }
    Object reason =
        VaadinSession.getCurrent()
            .getSession()
            .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    LoginI18n i18n = LoginI18n.createDefault();
    LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
    error.setTitle("Not signed in");
    error.setMessage(reason instanceof SignInLockedException locked ? locked.getMessage() : WRONG);
    i18n.setErrorMessage(error);
    form.setI18n(i18n);
    form.setError(true);
  }
}
