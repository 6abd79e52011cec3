package dev.meerkat.dashboard.ui;

/**
 * The one place the dashboard's Java code turns text into HTML or SVG markup. Views show data with
 * components that set text ({@code Span}, {@code H3}, grid columns from a value provider), which
 * Vaadin never parses as markup; only markup built as a string ({@code new Html(...)}) needs this.
 */
public final class Markup {

  private Markup() {}

  /**
   * Escapes text for an HTML or XML element body or a double- or single-quoted attribute value:
   * {@code & < > " '} become character references, so no value can close a tag or an attribute.
   */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
