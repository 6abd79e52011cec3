package dev.meerkat.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal OTLP/HTTP protobuf receiver on 127.0.0.1 that keeps what it is sent: the sink agent
 * integration tests point the agent at ({@code -Dotel.exporter.otlp.endpoint=}{@link #endpoint}).
 */
public final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final Set<String> metricNames = ConcurrentHashMap.newKeySet();
  private final List<Metric> metrics = new CopyOnWriteArrayList<>();
  private final List<Resource> resources = new CopyOnWriteArrayList<>();

  public OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", this::traces);
    server.createContext("/v1/metrics", this::metrics);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Span> spans() {
    return new ArrayList<>(spans);
  }

  public Set<String> metricNames() {
    return Set.copyOf(metricNames);
  }

  /** Every metric export received, in order (the same metric once per export). */
  public List<Metric> metrics() {
    return new ArrayList<>(metrics);
  }

  public List<Resource> resources() {
    return new ArrayList<>(resources);
  }

  private void traces(HttpExchange exchange) throws IOException {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      resources.add(resourceSpans.getResource());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        spans.addAll(scopeSpans.getSpansList());
      }
    }
    ok(exchange);
  }

  private void metrics(HttpExchange exchange) throws IOException {
    ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body(exchange));
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      resources.add(resourceMetrics.getResource());
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        for (Metric metric : scopeMetrics.getMetricsList()) {
          metricNames.add(metric.getName());
          metrics.add(metric);
        }
      }
    }
    ok(exchange);
  }

  public static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static void ok(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  /** String, int, double and boolean attribute values of a span or resource, as Java objects. */
  public static Map<String, Object> attributes(List<KeyValue> attributes) {
    Map<String, Object> map = new TreeMap<>();
    for (KeyValue kv : attributes) {
      AnyValue value = kv.getValue();
      map.put(
          kv.getKey(),
          value.hasIntValue()
              ? (Object) value.getIntValue()
              : value.hasDoubleValue()
                  ? (Object) value.getDoubleValue()
                  : value.hasBoolValue() ? (Object) value.getBoolValue() : value.getStringValue());
    }
    return map;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
