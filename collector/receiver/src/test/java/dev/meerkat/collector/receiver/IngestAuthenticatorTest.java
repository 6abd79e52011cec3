package dev.meerkat.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngestAuthenticatorTest {

  private static final IngestAuthenticator TWO_TOKENS =
      IngestAuthenticator.create(
          List.of(
              new IngestToken("checkout", "0123456789abcdef-checkout"),
              new IngestToken("billing", "0123456789abcdef-billing")));

  @Test
  void withoutTokensEveryRequestIsLetIn() {
    IngestAuthenticator open = IngestAuthenticator.create(List.of());

    assertThat(open.enabled()).isFalse();
    assertThat(open.check(null)).isEqualTo(new IngestAuthenticator.Result(-1, null));
    assertThat(open.check("Bearer anything")).isEqualTo(new IngestAuthenticator.Result(-1, null));
  }

  @Test
  void findsTheNameOfTheTokenPresented() {
    assertThat(TWO_TOKENS.check("Bearer 0123456789abcdef-billing"))
        .isEqualTo(new IngestAuthenticator.Result(1, null));
    // RFC 6750: the scheme is case-insensitive; spaces around the value do not matter.
    assertThat(TWO_TOKENS.check("  bearer   0123456789abcdef-checkout "))
        .isEqualTo(new IngestAuthenticator.Result(0, null));
    assertThat(TWO_TOKENS.names()).containsExactly("checkout", "billing");
  }

  @Test
  void namesWhyARequestIsRefused() {
    assertThat(TWO_TOKENS.check(null).failure()).isEqualTo(AuthFailure.MISSING);
    assertThat(TWO_TOKENS.check(" ").failure()).isEqualTo(AuthFailure.MISSING);
    assertThat(TWO_TOKENS.check("Basic dXNlcjpwYXNz").failure()).isEqualTo(AuthFailure.MALFORMED);
    assertThat(TWO_TOKENS.check("Bearer").failure()).isEqualTo(AuthFailure.MALFORMED);
    assertThat(TWO_TOKENS.check("Bearer a b").failure()).isEqualTo(AuthFailure.MALFORMED);
    assertThat(TWO_TOKENS.check("0123456789abcdef-billing").failure())
        .isEqualTo(AuthFailure.MALFORMED);
    assertThat(TWO_TOKENS.check("Bearer 0123456789abcdef-billin").failure())
        .isEqualTo(AuthFailure.UNKNOWN_TOKEN);
    assertThat(TWO_TOKENS.check("Bearer 0123456789abcdef-BILLING").failure())
        .isEqualTo(AuthFailure.UNKNOWN_TOKEN);
  }
}
