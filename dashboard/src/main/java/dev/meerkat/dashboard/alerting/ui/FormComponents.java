package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.Component;

/**
 * Makes the form components (text field, number field, form layout, combo boxes) work on the
 * alerting pages with the committed production bundle. Vaadin puts a route's web components in a
 * chunk loaded on demand under the SHA-256 of the route class's name, and the committed bundle only
 * has chunks for the routes that existed when it was built; on a newer route the form components
 * stay undefined (unrendered). Loading the SLO page's chunk defines them, and the elements already
 * on the page upgrade. Harmless once the bundle is rebuilt with these routes (then remove this).
 */
final class FormComponents {

  /**
   * SHA-256 of {@code dev.meerkat.dashboard.slo.ui.SlosView}: its chunk has the form components.
   */
  private static final String SLO_FORM_CHUNK =
      "931edc5dd54b1b72062aa9752e200d1058119568fe8d9ea55f0d1b70c46ab8ff";

  private FormComponents() {}

  static void loadFor(Component view) {
    view.addAttachListener(
        e ->
            e.getUI()
                .getPage()
                .executeJs(
                    "return window.Vaadin.Flow.loadOnDemand && window.Vaadin.Flow.loadOnDemand($0)",
                    SLO_FORM_CHUNK));
  }
}
