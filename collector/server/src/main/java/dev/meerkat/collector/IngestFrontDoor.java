package dev.meerkat.collector;

import com.linecorp.armeria.server.ServerBuilder;
import dev.meerkat.collector.receiver.IngestAuthenticator;
import dev.meerkat.collector.receiver.IngestGate;
import dev.meerkat.collector.receiver.IngestRateLimiter;
import dev.meerkat.collector.receiver.OtlpGrpcIngestGate;
import dev.meerkat.collector.receiver.OtlpGrpcServer;
import dev.meerkat.collector.receiver.OtlpGrpcService;
import dev.meerkat.collector.receiver.OtlpHttpIngestGate;
import dev.meerkat.collector.receiver.OtlpHttpLogReceiver;
import dev.meerkat.collector.receiver.OtlpHttpMetricReceiver;
import dev.meerkat.collector.receiver.OtlpHttpSpanReceiver;
import dev.meerkat.collector.receiver.ReceiverTls;
import io.grpc.InsecureServerCredentials;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands between a sender and the receivers, as {@link IngestSecuritySettings} configure it:
 * the bind address, TLS, and the ingest gate (bearer tokens, rate limit) of each protocol, one
 * token set and one rate limit for both.
 */
final class IngestFrontDoor {

  private static final Logger logger = LoggerFactory.getLogger(IngestFrontDoor.class);

  private final IngestSecuritySettings security;
  private final Optional<ReceiverTls> tls;
  private final IngestAuthenticator authenticator;
  private final IngestGate httpGate;
  private final IngestGate grpcGate;

  private IngestFrontDoor(
      IngestSecuritySettings security, Optional<ReceiverTls> tls, LongSupplier nanoTime) {
    this.security = security;
    this.tls = tls;
    this.authenticator = IngestAuthenticator.create(security.tokens());
    IngestRateLimiter limiter =
        security.rateLimit() > 0
            ? IngestRateLimiter.create(security.rateLimit(), security.rateBurst(), nanoTime)
            : IngestRateLimiter.unlimited();
    this.httpGate = IngestGate.create(authenticator, limiter, "http", nanoTime);
    this.grpcGate = IngestGate.create(authenticator, limiter, "grpc", nanoTime);
  }

  /** {@code tls} is loaded (and checked) by the caller, before anything else starts. */
  static IngestFrontDoor create(
      IngestSecuritySettings security, Optional<ReceiverTls> tls, LongSupplier nanoTime) {
    return new IngestFrontDoor(security, tls, nanoTime);
  }

  /** The gates by protocol, for the self-metrics. */
  Map<String, IngestGate> gates() {
    return Map.of("http", httpGate, "grpc", grpcGate);
  }

  /** Binds the OTLP/HTTP server to {@code port}, over TLS when configured, behind the gate. */
  void configureHttp(ServerBuilder server, int port) {
    InetSocketAddress address = new InetSocketAddress(security.otlpBindAddress(), port);
    if (tls.isPresent()) {
      server.https(address).tls(tls.get().armeriaKeyPair());
    } else {
      server.http(address);
    }
    if (httpGate.enabled()) {
      server.decorator(OtlpHttpIngestGate.create(httpGate));
    }
  }

  /** Starts the OTLP/gRPC server on {@code port}, over TLS when configured, behind the gate. */
  OtlpGrpcServer startGrpc(
      int port, int maxMessageBytes, List<? extends OtlpGrpcService> services) {
    return OtlpGrpcServer.start(
        new InetSocketAddress(security.otlpBindAddress(), port),
        tls.map(ReceiverTls::grpcCredentials).orElseGet(InsecureServerCredentials::create),
        maxMessageBytes,
        services,
        grpcGate.enabled() ? List.of(OtlpGrpcIngestGate.create(grpcGate)) : List.of());
  }

  void logListening(int httpPort, int grpcPort) {
    String bind = security.otlpBindAddress().getHostAddress();
    logger.info(
        "OTLP/gRPC receiver listening on {}:{} ({})",
        bind,
        grpcPort,
        tls.map(t -> "TLS, " + t.subject()).orElse("plaintext"));
    logger.info(
        "OTLP/HTTP receiver listening on {}://{}:{}{}, {} and {}",
        tls.isPresent() ? "https" : "http",
        bind,
        httpPort,
        OtlpHttpSpanReceiver.PATH,
        OtlpHttpMetricReceiver.PATH,
        OtlpHttpLogReceiver.PATH);
    logger.info(
        "Ingest: {}",
        authenticator.enabled()
            ? "bearer tokens required (" + authenticator.names() + ")"
            : "open, no token required (set MEERKAT_INGEST_TOKENS to require one)");
  }
}
