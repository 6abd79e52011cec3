package dev.meerkat.notify;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** One POST a notifier prepared: target, headers and JSON body, sent by {@link HttpSender}. */
record OutboundRequest(URI uri, Map<String, String> headers, String body) {

  static Builder post(URI uri, String contentType, String body) {
    return new Builder(uri, body).header("Content-Type", contentType);
  }

  /** Collects headers in order. */
  static final class Builder {
    private final URI uri;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(URI uri, String body) {
      this.uri = uri;
      this.body = body;
    }

    Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    OutboundRequest build() {
      return new OutboundRequest(uri, Map.copyOf(headers), body);
    }
  }
}
