package dev.meerkat.collector.receiver;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request marshaller of the OTLP/gRPC services: it hands the (decompressed, size-checked)
 * message through as bytes, so grpc-java never parses it. {@link OtlpGrpcReceiver} decodes the
 * bytes with the signal's {@link OtlpIngest#decode} and answers a request that does not decode
 * {@code INVALID_ARGUMENT} with the protobuf error (grpc-java's own parse failure would be a status
 * the OTLP exporters treat as unknown).
 */
final class OtlpGrpcDecodeFailures {

  /** Passes the message through as bytes (also the clients' marshaller in the tests). */
  static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return read(stream);
          } catch (IOException e) {
            throw Status.INTERNAL
                .withDescription("could not read the request")
                .withCause(e)
                .asRuntimeException();
          }
        }
      };

  private OtlpGrpcDecodeFailures() {}

  // grpc-java's message streams know their length: one array of the right size, not the growing
  // copies of readAllBytes (twice a 400 KB export in garbage).
  private static byte[] read(InputStream stream) throws IOException {
    if (!(stream instanceof KnownLength)) {
      return stream.readAllBytes();
    }
    byte[] message = new byte[stream.available()];
    int read = stream.readNBytes(message, 0, message.length);
    if (read != message.length || stream.read() != -1) {
      throw new IOException(
          "message stream held " + read + " bytes or more, announced " + message.length);
    }
    return message;
  }
}
