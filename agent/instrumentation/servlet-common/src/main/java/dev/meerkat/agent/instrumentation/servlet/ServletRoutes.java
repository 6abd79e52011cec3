package dev.meerkat.agent.instrumentation.servlet;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * Routes from the servlet mapping (Servlet 4.0+), and the prefix a framework behind the servlet
 * puts before its own templates: the context path, plus the servlet path of a path mapping ({@code
 * /api/*}), since frameworks such as Spring MVC match relative to it.
 */
public final class ServletRoutes {
  private static final ContextKey<String> PREFIX = ContextKey.named("meerkat-servlet-route-prefix");

  private ServletRoutes() {}

  /** The prefix for framework routes of the request {@code context} belongs to ("" if none). */
  public static String prefix(Context context) {
    String prefix = context.get(PREFIX);
    return prefix == null ? "" : prefix;
  }

  static Context withPrefix(Context context, String prefix) {
    return prefix.isEmpty() ? context : context.with(PREFIX, prefix);
  }

  /**
   * The route the servlet mapping gives: {@code /hello} (exact), {@code /api/*} (path), {@code
   * /*.jsp} (extension); null for the default servlet and the context root, which say nothing about
   * the request (a 404 is named by its method alone).
   */
  static String route(String contextPath, String[] mapping) {
    if (mapping == null || mapping[1] == null) {
      return null;
    }
    String pattern = mapping[1];
    switch (mapping[0]) {
      case "EXACT":
      case "PATH":
        return nullToEmpty(contextPath) + pattern;
      case "EXTENSION":
        return nullToEmpty(contextPath) + "/" + pattern;
      default:
        return null;
    }
  }

  static String prefix(String contextPath, String[] mapping) {
    String prefix = nullToEmpty(contextPath);
    if (mapping != null && "PATH".equals(mapping[0]) && mapping[1].endsWith("/*")) {
      prefix += mapping[1].substring(0, mapping[1].length() - 2);
    }
    return prefix;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
