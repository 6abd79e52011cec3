package dev.meerkat.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;

/**
 * "Delete" that asks first: the click shows "Yes, delete" (titled "Delete &lt;what&gt;") and
 * "Cancel" in its place. Made of buttons and a span, so it needs no web component beyond those
 * already in the frontend bundle. Element ids: {@code <idPrefix>}, {@code <idPrefix>-confirm},
 * {@code <idPrefix>-cancel}.
 */
public final class ConfirmingDeleteButton extends Span {

  public ConfirmingDeleteButton(String idPrefix, String what, Runnable delete) {
    Button ask = new Button("Delete");
    ask.setId(idPrefix);
    ask.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    Button confirm = new Button("Yes, delete", e -> delete.run());
    confirm.setId(idPrefix + "-confirm");
    // Short enough for a grid cell; what is deleted is in its title and for screen readers.
    confirm.getElement().setAttribute("title", "Delete " + what);
    confirm.getElement().setAttribute("aria-label", "Delete " + what);
    confirm.addThemeVariants(
        ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button("Cancel");
    cancel.setId(idPrefix + "-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Span confirmation = new Span(confirm, cancel);
    confirmation.setVisible(false);
    ask.addClickListener(
        e -> {
          ask.setVisible(false);
          confirmation.setVisible(true);
        });
    cancel.addClickListener(
        e -> {
          confirmation.setVisible(false);
          ask.setVisible(true);
        });
    add(ask, confirmation);
  }

  /** Disabled, with the reason as its title, e.g. for an SLO managed as code. */
  public ConfirmingDeleteButton disabled(String reason) {
    getChildren()
        .filter(Button.class::isInstance)
        .map(Button.class::cast)
        .forEach(
            b -> {
              b.setEnabled(false);
              b.getElement().setAttribute("title", reason);
            });
    return this;
  }
}
