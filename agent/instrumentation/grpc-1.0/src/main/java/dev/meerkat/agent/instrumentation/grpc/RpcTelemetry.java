package dev.meerkat.agent.instrumentation.grpc;

import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.List;

/**
 * gRPC spans and the {@code rpc.client.duration}/{@code rpc.server.duration} histograms (RPC
 * semantic conventions), recorded for every call whatever the sampling decision.
 */
final class RpcTelemetry {
  static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<Long> RPC_GRPC_STATUS_CODE =
      AttributeKey.longKey("rpc.grpc.status_code");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  /** The bucket boundaries (milliseconds) semconv advises for RPC durations. */
  private static final List<Double> BUCKETS =
      Arrays.asList(
          0.0, 5.0, 10.0, 25.0, 50.0, 75.0, 100.0, 250.0, 500.0, 750.0, 1000.0, 2500.0, 5000.0,
          7500.0, 10000.0);

  private final Tracer tracer;
  private final DoubleHistogram clientDuration;
  private final DoubleHistogram serverDuration;

  private RpcTelemetry(Tracer tracer, DoubleHistogram client, DoubleHistogram server) {
    this.tracer = tracer;
    this.clientDuration = client;
    this.serverDuration = server;
  }

  static RpcTelemetry create(InstrumentationContext context) {
    return new RpcTelemetry(
        context.tracer(),
        histogram(context, "rpc.client.duration", "outbound"),
        histogram(context, "rpc.server.duration", "inbound"));
  }

  private static DoubleHistogram histogram(
      InstrumentationContext context, String name, String direction) {
    return context
        .meter()
        .histogramBuilder(name)
        .setUnit("ms")
        .setDescription("Duration of " + direction + " RPC calls.")
        .setExplicitBucketBoundariesAdvice(BUCKETS)
        .build();
  }

  /** Starts a span named {@code package.Service/Method}, child of {@code parent}. */
  RpcCall start(Context parent, SpanKind kind, String fullMethodName, String authority) {
    int slash = fullMethodName.lastIndexOf('/');
    String service = slash < 0 ? fullMethodName : fullMethodName.substring(0, slash);
    String method = slash < 0 ? "" : fullMethodName.substring(slash + 1);
    AttributesBuilder attributes =
        Attributes.builder()
            .put(RPC_SYSTEM, "grpc")
            .put(RPC_SERVICE, service)
            .put(RPC_METHOD, method);
    putServer(attributes, authority);
    Attributes common = attributes.build();
    Span span =
        tracer
            .spanBuilder(fullMethodName)
            .setParent(parent)
            .setSpanKind(kind)
            .setAllAttributes(common)
            .startSpan();
    return new RpcCall(
        span,
        parent.with(span),
        kind == SpanKind.SERVER ? serverDuration : clientDuration,
        common,
        kind == SpanKind.SERVER,
        System.nanoTime());
  }

  /** "host:port" or "[v6]:port" into server.address and server.port. */
  private static void putServer(AttributesBuilder attributes, String authority) {
    if (authority == null || authority.isEmpty()) {
      return;
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || authority.lastIndexOf(']') > colon) {
      attributes.put(SERVER_ADDRESS, authority);
      return;
    }
    attributes.put(SERVER_ADDRESS, authority.substring(0, colon));
    try {
      attributes.put(SERVER_PORT, Long.parseLong(authority.substring(colon + 1)));
    } catch (NumberFormatException e) {
      // no port
    }
  }
}
