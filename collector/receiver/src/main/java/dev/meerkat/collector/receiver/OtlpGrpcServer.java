package dev.meerkat.collector.receiver;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OTLP/gRPC server (grpc-java on Netty, plaintext or TLS, default port 4317). Compressed
 * requests ({@code grpc-encoding: gzip}) are decompressed by grpc-java, whose default registry
 * holds gzip; the message size limit applies to the decompressed message.
 */
public final class OtlpGrpcServer implements AutoCloseable {

  private final Server server;

  private OtlpGrpcServer(Server server) {
    this.server = server;
  }

  /** Binds {@code port} (0: any free port) on all interfaces, plaintext, and starts serving. */
  public static OtlpGrpcServer start(
      int port, int maxMessageBytes, List<? extends OtlpGrpcService> services) {
    return start(
        new InetSocketAddress(port),
        InsecureServerCredentials.create(),
        maxMessageBytes,
        services,
        List.of());
  }

  /**
   * Binds {@code address} with {@code credentials} (plaintext or TLS) and starts serving; every
   * call passes {@code interceptors} (the ingest gate) before its service.
   */
  public static OtlpGrpcServer start(
      InetSocketAddress address,
      ServerCredentials credentials,
      int maxMessageBytes,
      List<? extends OtlpGrpcService> services,
      List<ServerInterceptor> interceptors) {
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(address, credentials).maxInboundMessageSize(maxMessageBytes);
    for (OtlpGrpcService service : services) {
      builder.addService(service.definition());
    }
    for (ServerInterceptor interceptor : interceptors) {
      builder.intercept(interceptor);
    }
    try {
      return new OtlpGrpcServer(builder.build().start());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the OTLP/gRPC server on "
              + address.getHostString()
              + ":"
              + address.getPort(),
          e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /**
   * Stops taking calls and waits up to {@code timeout} for the ones in flight to be answered, then
   * cancels the rest (their senders see them fail and retry).
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    server.shutdown();
    if (server.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return true;
    }
    server.shutdownNow();
    server.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    shutdown(Duration.ofSeconds(10));
  }
}
