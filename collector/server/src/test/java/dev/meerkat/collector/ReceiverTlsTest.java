package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.agent.testing.SelfSignedPem;
import dev.meerkat.collector.receiver.ReceiverTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receivers' PEM files as openssl writes them, and the start-up errors for bad ones. */
class ReceiverTlsTest {

  @TempDir Path dir;

  @Test
  void loadsACertificateAndItsPkcs8Key() {
    SelfSignedPem pem = SelfSignedPem.create(dir, "collector-a");

    ReceiverTls tls = ReceiverTls.load(pem.certificate(), pem.key());

    assertThat(tls.subject()).isEqualTo("CN=collector-a");
    assertThat(tls.armeriaKeyPair().certificateChain()).hasSize(1);
  }

  @Test
  void refusesAKeyThatBelongsToAnotherCertificate() {
    SelfSignedPem a = SelfSignedPem.create(dir, "collector-a");
    SelfSignedPem b = SelfSignedPem.create(dir, "collector-b");

    assertThatThrownBy(() -> ReceiverTls.load(a.certificate(), b.key()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the private key "
                + b.key()
                + " does not belong to the first certificate in "
                + a.certificate()
                + " (CN=collector-a): configure the key the certificate was issued for");
  }

  @Test
  void refusesATraditionalRsaKeySayingHowToConvertIt() {
    SelfSignedPem pem = SelfSignedPem.create(dir, "collector-a");
    Path rsa = dir.resolve("rsa-key.pem");
    SelfSignedPem.openssl(
        "rsa", "-in", pem.key().toString(), "-traditional", "-out", rsa.toString());

    assertThatThrownBy(() -> ReceiverTls.load(pem.certificate(), rsa))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the private key "
                + rsa
                + " is not an unencrypted PKCS#8 PEM key ('-----BEGIN PRIVATE KEY-----'); convert"
                + " it with: openssl pkcs8 -topk8 -nocrypt -in "
                + rsa
                + " -out key.pem");
  }

  @Test
  void refusesAMissingFileAndAChainWithoutCertificates() throws IOException {
    SelfSignedPem pem = SelfSignedPem.create(dir, "collector-a");
    Path missing = dir.resolve("missing.pem");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThatThrownBy(() -> ReceiverTls.load(missing, pem.key()))
        .hasMessage(
            "could not read the TLS certificate chain "
                + missing
                + " (NoSuchFileException): check the path and that the collector's user may read"
                + " it");
    assertThatThrownBy(() -> ReceiverTls.load(pem.certificate(), missing))
        .hasMessage(
            "could not read the TLS private key "
                + missing
                + " (NoSuchFileException): check the path and that the collector's user may read"
                + " it");
    assertThatThrownBy(() -> ReceiverTls.load(empty, pem.key()))
        .hasMessage(
            "the certificate chain "
                + empty
                + " holds no certificate: expected PEM blocks '-----BEGIN CERTIFICATE-----'");
  }
}
