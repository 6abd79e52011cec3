package dev.meerkat.collector.receiver;

import com.linecorp.armeria.common.TlsKeyPair;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The receivers' TLS identity from two PEM files: the certificate chain (server certificate first)
 * and its unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}). Loaded and checked
 * once at start, so an unreadable file, a key in another format or a key that does not belong to
 * the certificate stops the collector with a message that says which and what to do.
 */
public final class ReceiverTls {

  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");
  private static final byte[] PROBE = "meerkat-tls-key-check".getBytes(StandardCharsets.UTF_8);

  private final Path certChainFile;
  private final Path keyFile;
  private final PrivateKey key;
  private final List<X509Certificate> chain;

  private ReceiverTls(
      Path certChainFile, Path keyFile, PrivateKey key, List<X509Certificate> chain) {
    this.certChainFile = certChainFile;
    this.keyFile = keyFile;
    this.key = key;
    this.chain = chain;
  }

  /** Reads and checks both files; throws {@link IllegalArgumentException} saying what is wrong. */
  public static ReceiverTls load(Path certChainFile, Path keyFile) {
    List<X509Certificate> chain = certificates(certChainFile);
    PrivateKey key = privateKey(keyFile);
    if (!belongTogether(key, chain.get(0).getPublicKey())) {
      throw new IllegalArgumentException(
          "the private key "
              + keyFile
              + " does not belong to the first certificate in "
              + certChainFile
              + " ("
              + chain.get(0).getSubjectX500Principal()
              + "): configure the key the certificate was issued for");
    }
    return new ReceiverTls(certChainFile, keyFile, key, List.copyOf(chain));
  }

  /** For the OTLP/HTTP server (Armeria). */
  public TlsKeyPair armeriaKeyPair() {
    return TlsKeyPair.of(key, chain);
  }

  /** For the OTLP/gRPC server (grpc-java on Netty). */
  public ServerCredentials grpcCredentials() {
    try {
      return TlsServerCredentials.create(certChainFile.toFile(), keyFile.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "could not read " + certChainFile + " or " + keyFile + ": " + e.getMessage(), e);
    }
  }

  /** The server certificate's subject, for the start-up log. */
  public String subject() {
    return chain.get(0).getSubjectX500Principal().getName();
  }

  private static List<X509Certificate> certificates(Path file) {
    byte[] pem = read(file, "certificate chain");
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem))) {
        chain.add((X509Certificate) certificate);
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "could not parse the certificate chain "
              + file
              + " ("
              + e.getMessage()
              + "): expected PEM blocks '-----BEGIN CERTIFICATE-----', server certificate first",
          e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(
          "the certificate chain "
              + file
              + " holds no certificate: expected PEM blocks '-----BEGIN CERTIFICATE-----'");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) {
    String pem = new String(read(file, "private key"), StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "the private key "
              + file
              + " is not an unencrypted PKCS#8 PEM key ('"
              + begin
              + "'); convert it with: openssl pkcs8 -topk8 -nocrypt -in "
              + file
              + " -out key.pem");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the private key " + file + " is not valid base64", e);
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Not this algorithm: try the next.
      }
    }
    throw new IllegalArgumentException(
        "the private key " + file + " is not an RSA, EC, Ed25519 or Ed448 PKCS#8 key");
  }

  // Signs with the key and verifies with the certificate's public key: works for every algorithm.
  private static boolean belongTogether(PrivateKey key, PublicKey certificateKey) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm();
        };
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificateKey);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "could not read the TLS "
              + what
              + " "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "): check the path and that the collector's user may read it",
          e);
    }
  }
}
