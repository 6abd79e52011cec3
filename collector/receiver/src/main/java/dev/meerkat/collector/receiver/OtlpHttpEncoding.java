package dev.meerkat.collector.receiver;

import com.google.protobuf.Message;
import com.linecorp.armeria.common.MediaType;

/**
 * The two OTLP/HTTP encodings. A request is answered in its own encoding, errors included (the body
 * of a 4xx/5xx is a {@code google.rpc.Status} in that encoding).
 */
enum OtlpHttpEncoding {
  PROTOBUF(MediaType.X_PROTOBUF),
  JSON(MediaType.JSON);

  final MediaType mediaType;

  OtlpHttpEncoding(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  byte[] encode(Message message) {
    return this == JSON ? OtlpJson.print(message) : message.toByteArray();
  }
}
