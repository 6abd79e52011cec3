package dev.meerkat.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.dashboard.alerting.store.SecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key for channel secrets comes from, and what a bad one says. */
class SecretKeysTest {

  @TempDir Path dataDir;

  @Test
  void withoutAKeyOneIsGeneratedOwnerOnlyUnderTheDataDirAndReused() throws IOException {
    MeerkatProperties.Secrets none = new MeerkatProperties.Secrets("", "", List.of());

    SecretCipher first = SecretKeys.cipher(none, dataDir);
    SecretCipher second = SecretKeys.cipher(none, dataDir);

    Path file = dataDir.resolve("secrets.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
    assertThat(second.open(first.seal("s", "row"), "row")).isEqualTo("s");
  }

  @Test
  void theConfiguredKeyWinsAndTheFileIsNotCreated() {
    byte[] key = new byte[32];
    String base64 = Base64.getEncoder().encodeToString(key);

    SecretCipher cipher =
        SecretKeys.cipher(new MeerkatProperties.Secrets(base64, "", List.of()), dataDir);

    assertThat(cipher.currentKeyId())
        .isEqualTo(new SecretCipher(key, List.of(), "meerkat.secrets.key").currentKeyId());
    assertThat(dataDir.resolve("secrets.key")).doesNotExist();
  }

  @Test
  void badKeysSayWhichSettingAndHowToMakeOne() {
    assertThatThrownBy(
            () ->
                SecretKeys.cipher(
                    new MeerkatProperties.Secrets("not base64!", "", List.of()), dataDir))
        .hasMessage(
            "meerkat.secrets.key is not base64; create a key with `openssl rand -base64 32`");
    assertThatThrownBy(
            () ->
                SecretKeys.cipher(
                    new MeerkatProperties.Secrets("c2hvcnQ=", "", List.of()), dataDir))
        .hasMessage(
            "meerkat.secrets.key must be 32 bytes in base64, got 5 bytes; create a key with"
                + " `openssl rand -base64 32`");
    Path missing = dataDir.resolve("missing.key");
    assertThatThrownBy(
            () ->
                SecretKeys.cipher(
                    new MeerkatProperties.Secrets("", missing.toString(), List.of()), dataDir))
        .hasMessage(
            "the key file "
                + missing
                + " (meerkat.secrets.key-file) does not exist; create it with `openssl rand"
                + " -base64 32 > "
                + missing
                + "`");
  }
}
