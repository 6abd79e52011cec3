package dev.meerkat.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {

  @Test
  void escapesEveryCharacterThatCouldOpenATagOrCloseAnAttribute() {
    assertThat(Markup.escape("\"><svg onload=window.__xss=4>"))
        .isEqualTo("&quot;&gt;&lt;svg onload=window.__xss=4&gt;");
    assertThat(Markup.escape("<img src=x onerror='a&&b'>"))
        .isEqualTo("&lt;img src=x onerror=&#39;a&amp;&amp;b&#39;&gt;");
  }

  @Test
  void leavesOtherTextAlone() {
    assertThat(Markup.escape("GET /checkout – 99.9 % ✓")).isEqualTo("GET /checkout – 99.9 % ✓");
  }

  @Test
  void encodesAPathSegmentSoItCannotBecomeASchemeAQueryOrMoreSegments() {
    assertThat(Markup.pathSegment("javascript:window.__xss=3"))
        .isEqualTo("javascript%3Awindow.__xss%3D3");
    assertThat(Markup.pathSegment("a/b?c#d e")).isEqualTo("a%2Fb%3Fc%23d%20e");
    assertThat(Markup.pathSegment("4bf92f3577b34da6a3ce929d0e0e4736"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }
}
