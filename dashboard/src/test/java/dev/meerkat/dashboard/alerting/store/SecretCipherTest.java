package dev.meerkat.dashboard.alerting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.dashboard.testing.TestSecrets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of stored secrets: format, nonces, row binding, keys and their errors. */
class SecretCipherTest {

  private static final String SECRET = "{\"url\":\"https://hooks.slack.com/services/T0/B0/XYZ\"}";
  private final SecretCipher cipher = TestSecrets.cipher();

  @Test
  void sealsWithAVersionedKeyPrefixAndOpensAgain() {
    String sealed = cipher.seal(SECRET, "channel-1");

    assertThat(sealed).startsWith("mk1:" + cipher.currentKeyId() + ":").doesNotContain("XYZ");
    // 12-byte nonce + ciphertext as long as the plaintext + 16-byte tag.
    byte[] body = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
    assertThat(body).hasSize(12 + SECRET.length() + 16);
    assertThat(cipher.open(sealed, "channel-1")).isEqualTo(SECRET);
    assertThat(cipher.isCurrent(sealed)).isTrue();
  }

  @Test
  void everySealUsesAFreshNonce() {
    assertThat(cipher.seal(SECRET, "c")).isNotEqualTo(cipher.seal(SECRET, "c"));
  }

  @Test
  void aValueCopiedToAnotherRowDoesNotOpen() {
    String sealed = cipher.seal(SECRET, "channel-1");

    assertThatThrownBy(() -> cipher.open(sealed, "channel-2"))
        .isInstanceOf(SecretKeyException.class)
        .hasMessage(
            "The stored secret of channel-2 does not open with key "
                + cipher.currentKeyId()
                + " (meerkat.secrets.key): it was altered or copied from another row.");
  }

  @Test
  void anotherKeyNamesBothKeysAndTheSetting() {
    String sealed = cipher.seal(SECRET, "c");
    SecretCipher other = new SecretCipher(TestSecrets.key(100), List.of(), "meerkat.secrets.key");

    assertThatThrownBy(() -> other.open(sealed, "c"))
        .isInstanceOf(SecretKeyException.class)
        .hasMessage(
            "Stored secrets were encrypted with key "
                + cipher.currentKeyId()
                + ", but meerkat.secrets.key is key "
                + other.currentKeyId()
                + ". Configure the key they were encrypted with (a key being replaced goes in"
                + " meerkat.secrets.previous-keys).");
  }

  @Test
  void aPreviousKeyOpensOldValuesWhichAreThenNotCurrent() {
    String old = cipher.seal(SECRET, "c");
    SecretCipher rotated =
        new SecretCipher(TestSecrets.key(100), List.of(TestSecrets.key(0)), "meerkat.secrets.key");

    assertThat(rotated.open(old, "c")).isEqualTo(SECRET);
    assertThat(rotated.isCurrent(old)).isFalse();
    assertThat(rotated.isCurrent(rotated.seal(SECRET, "c"))).isTrue();
  }

  @Test
  void keyIdsAreStableAndDoNotShowTheKey() {
    assertThat(SecretCipher.keyId(TestSecrets.key(0)))
        .hasSize(8)
        .isEqualTo(SecretCipher.keyId(TestSecrets.key(0)))
        .isNotEqualTo(SecretCipher.keyId(TestSecrets.key(1)));
    assertThat(cipher.toString())
        .doesNotContain(Base64.getEncoder().encodeToString(TestSecrets.key(0)));
  }
}
