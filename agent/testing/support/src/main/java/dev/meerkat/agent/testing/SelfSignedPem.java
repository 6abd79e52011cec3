package dev.meerkat.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost with its PKCS#8 key, made by the real
 * {@code openssl} (Debian's) at test time, as an operator would make one. Shared by the collector's
 * and the dashboard's TLS tests.
 */
public record SelfSignedPem(Path certificate, Path key) {

  public static SelfSignedPem create(Path directory, String name) {
    Path certificate = directory.resolve(name + "-cert.pem");
    Path key = directory.resolve(name + "-key.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=" + name,
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout",
        key.toString(),
        "-out",
        certificate.toString());
    return new SelfSignedPem(certificate, key);
  }

  /** Runs {@code openssl} with {@code arguments}; fails (never skips) when it is missing. */
  public static void openssl(String... arguments) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "openssl is needed to make test certificates (Debian: apt-get install openssl)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
