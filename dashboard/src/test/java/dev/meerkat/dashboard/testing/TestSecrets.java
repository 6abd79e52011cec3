package dev.meerkat.dashboard.testing;

import dev.meerkat.dashboard.alerting.store.SecretCipher;
import java.util.List;

/** A fixed key for channel secrets in tests (32 bytes: 0, 1, ..., 31). */
public final class TestSecrets {

  private TestSecrets() {}

  public static byte[] key(int first) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (first + i);
    }
    return key;
  }

  public static SecretCipher cipher() {
    return new SecretCipher(key(0), List.of(), "meerkat.secrets.key");
  }
}
