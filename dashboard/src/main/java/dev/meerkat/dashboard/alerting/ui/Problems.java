package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** A form's validation messages, one per line, in the error colour. */
final class Problems extends Div {

  Problems(String id) {
    setId(id);
    getStyle().set("color", "var(--lumo-error-text-color)");
  }

  void show(List<String> problems) {
    removeAll();
    problems.forEach(
        p -> {
          Span line = new Span(p);
          line.getStyle().set("display", "block");
          add(line);
        });
  }
}
