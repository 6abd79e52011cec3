package dev.meerkat.collector;

import dev.meerkat.collector.receiver.IngestToken;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Who may write to the collector and over what: bearer tokens (none: open), TLS on both receivers
 * (none: plaintext), the addresses the receivers and the admin server bind, and the ingest rate
 * limit. See docs/security.md ("Ingest").
 *
 * @param tokens the accepted bearer tokens; empty to accept every request
 * @param tls the receivers' certificate chain and key PEM files; empty for plaintext
 * @param otlpBindAddress where the OTLP/HTTP and OTLP/gRPC receivers listen (all interfaces by
 *     default: agents on other hosts send to them)
 * @param adminBindAddress where {@code /health} and {@code /metrics} listen (loopback by default)
 * @param rateLimit ingest requests per second for the whole collector, both protocols together; 0
 *     for no limit
 * @param rateBurst requests let through at once after a quiet spell
 */
public record IngestSecuritySettings(
    List<IngestToken> tokens,
    Optional<TlsFiles> tls,
    InetAddress otlpBindAddress,
    InetAddress adminBindAddress,
    int rateLimit,
    int rateBurst) {

  /** The receivers' TLS identity: PEM certificate chain (server first) and PKCS#8 key. */
  public record TlsFiles(Path certChainFile, Path keyFile) {}

  @Override
  public String toString() {
    // Token names only: the secrets never reach a log.
    return "tokens="
        + (tokens.isEmpty()
            ? "none (open)"
            : tokens.stream().map(IngestToken::name).toList().toString())
        + ", tls="
        + tls.map(files -> files.certChainFile().toString()).orElse("off")
        + ", otlpBind="
        + otlpBindAddress.getHostAddress()
        + ", adminBind="
        + adminBindAddress.getHostAddress()
        + ", rateLimit="
        + (rateLimit > 0 ? rateLimit + "/s (burst " + rateBurst + ")" : "off");
  }
}
