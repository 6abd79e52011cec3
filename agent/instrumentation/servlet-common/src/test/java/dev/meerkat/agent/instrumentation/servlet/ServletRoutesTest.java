package dev.meerkat.agent.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServletRoutesTest {
  @Test
  void routesByExactPathAndExtensionMappingsUnderTheContextPath() {
    assertThat(ServletRoutes.route("", new String[] {"EXACT", "/hello"})).isEqualTo("/hello");
    assertThat(ServletRoutes.route("/shop", new String[] {"PATH", "/api/*"}))
        .isEqualTo("/shop/api/*");
    assertThat(ServletRoutes.route("", new String[] {"EXTENSION", "*.jsp"})).isEqualTo("/*.jsp");
  }

  @Test
  void defaultServletContextRootAndServlet3GiveNoRoute() {
    assertThat(ServletRoutes.route("", new String[] {"DEFAULT", "/"})).isNull();
    assertThat(ServletRoutes.route("/shop", new String[] {"CONTEXT_ROOT", ""})).isNull();
    assertThat(ServletRoutes.route("/shop", null)).isNull();
  }

  @Test
  void frameworkPrefixIsContextPathPlusServletPathOfAPathMapping() {
    assertThat(ServletRoutes.prefix("/shop", new String[] {"PATH", "/api/*"}))
        .isEqualTo("/shop/api");
    assertThat(ServletRoutes.prefix("/shop", new String[] {"DEFAULT", "/"})).isEqualTo("/shop");
    assertThat(ServletRoutes.prefix("", null)).isEqualTo("");
    assertThat(ServletRoutes.prefix(null, new String[] {"EXACT", "/hello"})).isEqualTo("");
  }
}
