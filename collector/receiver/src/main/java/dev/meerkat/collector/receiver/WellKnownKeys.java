package dev.meerkat.collector.receiver;

/**
 * The attribute keys the span columns are filled from, numbered, so the direct decoder recognises a
 * key once per distinct key per request (when it is interned) instead of comparing every key of
 * every span with each of them.
 */
final class WellKnownKeys {

  static final byte NONE = 0;
  static final byte HTTP_RESPONSE_STATUS_CODE = 1;
  static final byte HTTP_STATUS_CODE = 2;
  static final byte SAMPLE_RATE = 3;
  static final byte SAMPLING_RATE = 4;
  static final byte HTTP_REQUEST_METHOD = 5;
  static final byte HTTP_METHOD = 6;
  static final byte HTTP_ROUTE = 7;
  static final byte PEER_SERVICE = 8;
  static final byte SERVER_ADDRESS = 9;
  static final byte SERVICE_NAME = 10;
  static final int COUNT = 11;

  private WellKnownKeys() {}

  static byte of(String key) {
    return switch (key) {
      case "http.response.status_code" -> HTTP_RESPONSE_STATUS_CODE;
      case "http.status_code" -> HTTP_STATUS_CODE;
      case "SampleRate" -> SAMPLE_RATE;
      case "sampling.rate" -> SAMPLING_RATE;
      case "http.request.method" -> HTTP_REQUEST_METHOD;
      case "http.method" -> HTTP_METHOD;
      case "http.route" -> HTTP_ROUTE;
      case "peer.service" -> PEER_SERVICE;
      case "server.address" -> SERVER_ADDRESS;
      case "service.name" -> SERVICE_NAME;
      default -> NONE;
    };
  }
}
