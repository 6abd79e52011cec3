package dev.meerkat.collector.receiver;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Checks an OTLP/HTTP request's content type and encoding and returns the decoded body. */
final class OtlpHttpBodies {

  /** A request that cannot be accepted, with the HTTP status to answer and why. */
  static final class BadRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequestException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private OtlpHttpBodies() {}

  static byte[] decode(AggregatedHttpRequest request, int maxBytes) throws BadRequestException {
    MediaType type = request.contentType();
    if (type == null || !type.is(MediaType.PROTOBUF) && !type.is(MediaType.X_PROTOBUF)) {
      throw new BadRequestException(
          415,
          "unsupported Content-Type "
              + (type == null ? "(none)" : type.toString())
              + "; this receiver accepts application/x-protobuf (OTLP/HTTP binary protobuf)");
    }
    String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING, "identity");
    byte[] body = request.content().array();
    return switch (encoding.toLowerCase(java.util.Locale.ROOT)) {
      case "identity", "" -> body;
      case "gzip" -> gunzip(body, maxBytes);
      default ->
          throw new BadRequestException(
              415, "unsupported Content-Encoding " + encoding + "; use gzip or none");
    };
  }

  // Decompressed size is limited too, so a small gzip bomb cannot exhaust the heap.
  private static byte[] gunzip(byte[] compressed, int maxBytes) throws BadRequestException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
      byte[] buffer = new byte[16 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        if (out.size() + read > maxBytes) {
          throw new BadRequestException(
              413, "gzip body decompresses to more than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new BadRequestException(400, "could not decompress gzip body: " + e.getMessage());
    }
  }
}
