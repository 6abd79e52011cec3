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
}
