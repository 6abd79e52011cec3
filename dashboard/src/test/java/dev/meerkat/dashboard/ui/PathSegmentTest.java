package dev.meerkat.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSegmentTest {

  @Test
  void encodesSoASegmentCannotBecomeASchemeAQueryOrMoreSegments() {
    assertThat(PathSegment.encode("javascript:window.__xss=3"))
        .isEqualTo("javascript%3Awindow.__xss%3D3");
    assertThat(PathSegment.encode("a/b?c#d e+f")).isEqualTo("a%2Fb%3Fc%23d%20e%2Bf");
    assertThat(PathSegment.encode("4bf92f3577b34da6a3ce929d0e0e4736"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void decodesWhatItEncodedAndWhatABrowserSends() {
    String service = "<img src=x onerror=\"window.__xss=1\">";
    assertThat(PathSegment.decode(PathSegment.encode(service))).isEqualTo(service);
    // Chromium's encoding of the same name typed into the address bar.
    assertThat(PathSegment.decode("%3Cimg%20src=x%20onerror=%22window.__xss=1%22%3E"))
        .isEqualTo(service);
    assertThat(PathSegment.decode("checkout")).isEqualTo("checkout");
  }

  @Test
  void keepsAPlusAndTextThatIsNotPercentEncoding() {
    assertThat(PathSegment.decode("c++")).isEqualTo("c++");
    assertThat(PathSegment.decode("100%")).isEqualTo("100%");
  }
}
