package dev.meerkat.agent.testing.clients;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A gRPC server and a channel to it over loopback (Netty), with one unary method of strings (no
 * protobuf needed). The handler answers "ok" after an OkHttp call to {@code /target}, or fails with
 * INTERNAL ("fail") or NOT_FOUND ("notfound").
 */
final class GrpcCalls {
  static final MethodDescriptor<String, String> SAY_HELLO =
      MethodDescriptor.<String, String>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("demo.Greeter/SayHello")
          .setRequestMarshaller(new Utf8())
          .setResponseMarshaller(new Utf8())
          .build();

  private final Server server;
  private final ManagedChannel channel;

  GrpcCalls(String target) throws IOException {
    OkHttpCalls okhttp = new OkHttpCalls(target);
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("demo.Greeter")
            .addMethod(
                SAY_HELLO,
                ServerCalls.asyncUnaryCall(
                    (request, response) -> {
                      switch (request) {
                        case "ok":
                          try {
                            response.onNext(okhttp.sync(target + "?from=grpc-handler"));
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                          response.onCompleted();
                          break;
                        case "fail":
                          response.onError(
                              Status.INTERNAL.withDescription("boom").asRuntimeException());
                          break;
                        default:
                          response.onError(Status.NOT_FOUND.asRuntimeException());
                      }
                    }))
            .build();
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(service)
            .build()
            .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  int port() {
    return server.getPort();
  }

  /** The reply, or the status code of the failure. */
  String call(String request) {
    try {
      return ClientCalls.blockingUnaryCall(channel, SAY_HELLO, CallOptions.DEFAULT, request);
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode().name();
    }
  }

  private static final class Utf8 implements MethodDescriptor.Marshaller<String> {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
