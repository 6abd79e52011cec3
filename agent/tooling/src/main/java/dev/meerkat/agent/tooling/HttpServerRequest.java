package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * What a server instrumentation knows about a request when it starts; unknown values stay null.
 * Built with chained setters, read once by {@link HttpServerTelemetry#start}.
 */
public final class HttpServerRequest {
  String method;
  String route;
  String scheme;
  String path;
  String query;
  String serverAddress;
  long serverPort = -1;
  String clientAddress;
  String userAgent;

  public static HttpServerRequest create(String method) {
    HttpServerRequest request = new HttpServerRequest();
    request.method = method;
    return request;
  }

  /** The route template ({@code /owners/{ownerId}}) when known at the start, else leave unset. */
  public HttpServerRequest route(String route) {
    this.route = route;
    return this;
  }

  public HttpServerRequest scheme(String scheme) {
    this.scheme = scheme;
    return this;
  }

  /** The raw path, without the query. */
  public HttpServerRequest path(String path) {
    this.path = path;
    return this;
  }

  public HttpServerRequest query(String query) {
    this.query = query;
    return this;
  }

  /** The host and port the client addressed (the Host header), else the local socket's. */
  public HttpServerRequest server(String address, long port) {
    this.serverAddress = address;
    this.serverPort = port;
    return this;
  }

  public HttpServerRequest clientAddress(String address) {
    this.clientAddress = address;
    return this;
  }

  public HttpServerRequest userAgent(String userAgent) {
    this.userAgent = userAgent;
    return this;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  Attributes spanAttributes() {
    AttributesBuilder attributes = Attributes.builder();
    attributes.put(HttpAttributes.HTTP_REQUEST_METHOD, method);
    putIfKnown(attributes, HttpAttributes.HTTP_ROUTE, route);
    putIfKnown(attributes, HttpAttributes.URL_SCHEME, scheme);
    putIfKnown(attributes, HttpAttributes.URL_PATH, path);
    putIfKnown(attributes, HttpAttributes.URL_QUERY, query);
    putIfKnown(attributes, HttpAttributes.SERVER_ADDRESS, serverAddress);
    if (serverPort > 0) {
      attributes.put(HttpAttributes.SERVER_PORT, serverPort);
    }
    putIfKnown(attributes, HttpAttributes.CLIENT_ADDRESS, clientAddress);
    putIfKnown(attributes, HttpAttributes.USER_AGENT_ORIGINAL, userAgent);
    return attributes.build();
  }

  private static void putIfKnown(
      AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
