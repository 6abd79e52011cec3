package dev.meerkat.collector.receiver;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Checks an OTLP/HTTP request's content type and encoding and returns the decoded body. */
final class OtlpHttpBodies {

  /** The (gunzipped) body and the encoding its content type names. */
  record Body(OtlpHttpEncoding encoding, byte[] bytes) {}

  /** A request that cannot be accepted, with the HTTP status to answer, in which encoding, why. */
  static final class BadRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient OtlpHttpEncoding encoding;

    BadRequestException(int status, OtlpHttpEncoding encoding, String message) {
      super(message);
      this.status = status;
      this.encoding = encoding;
    }
  }

  private OtlpHttpBodies() {}

  static Body decode(AggregatedHttpRequest request, int maxBytes) throws BadRequestException {
    OtlpHttpEncoding encoding = encoding(request.contentType());
    String contentEncoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING, "identity");
    byte[] body = request.content().array();
    return switch (contentEncoding.toLowerCase(Locale.ROOT)) {
      case "identity", "" -> new Body(encoding, body);
      case "gzip" -> new Body(encoding, gunzip(body, maxBytes, encoding));
      default ->
          throw new BadRequestException(
              415,
              encoding,
              "unsupported Content-Encoding " + contentEncoding + "; use gzip or none");
    };
  }

  private static OtlpHttpEncoding encoding(MediaType type) throws BadRequestException {
    if (type != null && (type.is(MediaType.PROTOBUF) || type.is(MediaType.X_PROTOBUF))) {
      return OtlpHttpEncoding.PROTOBUF;
    }
    if (type != null && type.is(MediaType.JSON)) {
      return OtlpHttpEncoding.JSON;
    }
    throw new BadRequestException(
        415,
        OtlpHttpEncoding.PROTOBUF,
        "unsupported Content-Type "
            + (type == null ? "(none)" : type.toString())
            + "; this receiver accepts application/x-protobuf and application/json (OTLP/HTTP)");
  }

  // Decompressed size is limited too, so a small gzip bomb cannot exhaust the heap.
  private static byte[] gunzip(byte[] compressed, int maxBytes, OtlpHttpEncoding encoding)
      throws BadRequestException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
      byte[] buffer = new byte[16 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        if (out.size() + read > maxBytes) {
          throw new BadRequestException(
              413, encoding, "gzip body decompresses to more than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new BadRequestException(
          400, encoding, "could not decompress gzip body: " + e.getMessage());
    }
  }
}
