package dev.meerkat.collector.benchmarks;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of realistic traces: 10 spans each (a SERVER root, INTERNAL and CLIENT
 * children, a call into a second service with two database queries), 10 services of 3 instances, 10
 * attributes on every span, about 1.5 % of requests failing. Trace {@code n} is the same for a
 * given seed wherever it is generated, so the harnesses can regenerate any part of it.
 */
public final class SpanCorpus {

  static final int SPANS_PER_TRACE = 10;
  static final double ERROR_RATE = 0.015;
  static final List<String> SERVICES =
      List.of(
          "frontend",
          "checkout",
          "cart",
          "payment",
          "shipping",
          "catalog",
          "users",
          "inventory",
          "notification",
          "recommendation");
  private static final String[] ROUTES = {
    "/api/orders/{id}", "/api/items", "/api/items/{id}", "/api/users/{id}", "/api/cart", "/health"
  };
  private static final String[] TABLES = {"orders", "items", "users", "carts", "stock"};
  private static final int INSTANCES = 3;
  private static final long MILLI = 1_000_000L;

  private final long seed;
  private final long startEpochNanos;
  private final long traceIntervalNanos;

  private SpanCorpus(long seed, long startEpochNanos, long traceIntervalNanos) {
    this.seed = seed;
    this.startEpochNanos = startEpochNanos;
    this.traceIntervalNanos = traceIntervalNanos;
  }

  /** Trace {@code n} starts at {@code startEpochNanos + n * traceIntervalNanos}. */
  public static SpanCorpus create(long seed, long startEpochNanos, long traceIntervalNanos) {
    return new SpanCorpus(seed, startEpochNanos, traceIntervalNanos);
  }

  /** One export of traces [firstTrace, firstTrace + traces), one resource per instance in it. */
  public ExportTraceServiceRequest request(long firstTrace, int traces) {
    Map<Integer, List<Span>> byInstance = new LinkedHashMap<>();
    for (long n = firstTrace; n < firstTrace + traces; n++) {
      addTrace(n, byInstance);
    }
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    InstrumentationScope scope =
        InstrumentationScope.newBuilder().setName("dev.meerkat.agent").setVersion("0.1.0").build();
    byInstance.forEach(
        (instance, spans) ->
            request.addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(resource(instance))
                    .addScopeSpans(
                        ScopeSpans.newBuilder().setScope(scope).addAllSpans(spans).build())));
    return request.build();
  }

  /** The trace id of trace {@code n}, lower-case hex as stored. */
  public String traceIdHex(long n) {
    return HexFormat.of().formatHex(random(n).traceId);
  }

  private TraceRandom random(long n) {
    return new TraceRandom(new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L)));
  }

  private void addTrace(long n, Map<Integer, List<Span>> byInstance) {
    TraceRandom r = random(n);
    int a = r.random.nextInt(SERVICES.size());
    int b = (a + 1 + r.random.nextInt(SERVICES.size() - 1)) % SERVICES.size();
    int instanceA = a * INSTANCES + r.random.nextInt(INSTANCES);
    int instanceB = b * INSTANCES + r.random.nextInt(INSTANCES);
    boolean failed = r.random.nextDouble() < ERROR_RATE;
    String route = ROUTES[r.random.nextInt(ROUTES.length)];
    String routeB = ROUTES[r.random.nextInt(ROUTES.length)];
    String user = "user-" + r.random.nextInt(50_000);
    long start = startEpochNanos + n * traceIntervalNanos;
    long total = (5 + r.random.nextInt(200)) * MILLI + r.random.nextInt(1_000_000);
    int status = failed ? 500 : 200;
    List<Span> spansA = byInstance.computeIfAbsent(instanceA, i -> new ArrayList<>());
    List<Span> spansB = byInstance.computeIfAbsent(instanceB, i -> new ArrayList<>());

    ByteString root = r.spanId();
    spansA.add(
        r.span(root, ByteString.EMPTY, "GET " + route, Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(start)
            .setEndTimeUnixNano(start + total)
            .setStatus(status(failed, "Internal Server Error"))
            .addAllAttributes(httpServer(route, status, user, r))
            .build());
    ByteString handler = r.spanId();
    spansA.add(internal(r, handler, root, "OrderController.handle", start + MILLI, total - MILLI));
    long callStart = start + 2 * MILLI;
    long callTime = total * 6 / 10;
    ByteString call = r.spanId();
    spansA.add(
        r.span(call, handler, "GET", Span.SpanKind.SPAN_KIND_CLIENT)
            .setStartTimeUnixNano(callStart)
            .setEndTimeUnixNano(callStart + callTime)
            .setStatus(status(failed, ""))
            .addAllAttributes(httpClient(SERVICES.get(b), routeB, status))
            .build());
    ByteString serverB = r.spanId();
    spansB.add(
        r.span(serverB, call, "GET " + routeB, Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(callStart + MILLI / 2)
            .setEndTimeUnixNano(callStart + callTime - MILLI / 2)
            .setStatus(status(failed, "java.sql.SQLTransientConnectionException: timeout"))
            .addAllAttributes(httpServer(routeB, status, user, r))
            .build());
    ByteString handlerB = r.spanId();
    long innerStart = callStart + MILLI;
    long innerTime = callTime - 2 * MILLI;
    spansB.add(internal(r, handlerB, serverB, "ItemService.load", innerStart, innerTime));
    spansB.add(db(r, handlerB, "postgresql", innerStart, innerTime / 3, n));
    spansB.add(db(r, handlerB, "postgresql", innerStart + innerTime / 2, innerTime / 3, n + 1));
    spansA.add(db(r, handler, "redis", callStart + callTime, MILLI / 2, n));
    spansA.add(
        internal(r, r.spanId(), handler, "Renderer.render", callStart + callTime + MILLI, MILLI));
    spansA.add(
        r.span(r.spanId(), handler, "POST", Span.SpanKind.SPAN_KIND_CLIENT)
            .setStartTimeUnixNano(start + total - 3 * MILLI)
            .setEndTimeUnixNano(start + total - MILLI)
            .addAllAttributes(httpClient("audit-gateway", "/v1/events", 202))
            .build());
  }

  private static Span internal(
      TraceRandom r, ByteString id, ByteString parent, String name, long start, long duration) {
    return r.span(id, parent, name, Span.SpanKind.SPAN_KIND_INTERNAL)
        .setStartTimeUnixNano(start)
        .setEndTimeUnixNano(start + Math.max(duration, 1))
        .addAttributes(kv("code.function", name.substring(name.indexOf('.') + 1)))
        .addAttributes(kv("code.namespace", "com.example.shop." + name.substring(0, 5)))
        .addAttributes(kv("thread.name", "http-nio-8080-exec-" + r.random.nextInt(200)))
        .addAttributes(kv("thread.id", 20 + r.random.nextInt(200)))
        .addAttributes(kv("app.tenant", "tenant-" + r.random.nextInt(40)))
        .addAttributes(kv("app.feature", r.random.nextBoolean() ? "checkout-v2" : "checkout-v1"))
        .addAttributes(kv("app.cache.hit", r.random.nextBoolean()))
        .addAttributes(kv("app.items", r.random.nextInt(30)))
        .addAttributes(kv("app.region", r.random.nextBoolean() ? "eu-west-1" : "us-east-1"))
        .addAttributes(kv("app.request.id", Long.toHexString(r.random.nextLong())))
        .build();
  }

  private static Span db(
      TraceRandom r, ByteString parent, String system, long start, long duration, long n) {
    boolean sql = system.equals("postgresql");
    String table = TABLES[(int) Math.floorMod(n, TABLES.length)];
    String statement =
        sql
            ? "SELECT id, name, price, updated_at FROM " + table + " WHERE id = ? AND tenant = ?"
            : "GET " + table + ":" + r.random.nextInt(100_000);
    return r.span(
            r.spanId(),
            parent,
            sql ? "SELECT shop." + table : "GET",
            Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(start)
        .setEndTimeUnixNano(start + Math.max(duration, 1))
        .addAttributes(kv("db.system", system))
        .addAttributes(kv("db.statement", statement))
        .addAttributes(kv("db.name", "shop"))
        .addAttributes(kv("db.operation", sql ? "SELECT" : "GET"))
        .addAttributes(kv("db.sql.table", table))
        .addAttributes(kv("db.user", "shop_app"))
        .addAttributes(kv("server.address", sql ? "db-1.internal" : "cache-1.internal"))
        .addAttributes(kv("server.port", sql ? 5432 : 6379))
        .addAttributes(kv("network.peer.address", "10.0.3." + r.random.nextInt(250)))
        .addAttributes(kv("db.response.rows", r.random.nextInt(50)))
        .build();
  }

  private static List<KeyValue> httpServer(String route, int status, String user, TraceRandom r) {
    String path = route.replace("{id}", Integer.toString(r.random.nextInt(100_000)));
    return List.of(
        kv("http.request.method", "GET"),
        kv("http.route", route),
        kv("url.path", path),
        kv("url.scheme", "http"),
        kv("http.response.status_code", status),
        kv("server.address", "shop.example.com"),
        kv("server.port", 8080),
        kv("client.address", "10.0.1." + r.random.nextInt(250)),
        kv("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0"),
        kv("enduser.id", user));
  }

  private static List<KeyValue> httpClient(String peer, String route, int status) {
    return List.of(
        kv("http.request.method", "GET"),
        kv("url.full", "http://" + peer + ":8080" + route.replace("{id}", "42")),
        kv("server.address", peer),
        kv("server.port", 8080),
        kv("http.response.status_code", status),
        kv("network.protocol.version", "1.1"),
        kv("peer.service", peer),
        kv("http.request.resend_count", 0),
        kv("http.request.body.size", 0),
        kv("http.response.body.size", 512 + status));
  }

  private static Status status(boolean failed, String message) {
    return failed
        ? Status.newBuilder()
            .setCode(Status.StatusCode.STATUS_CODE_ERROR)
            .setMessage(message)
            .build()
        : Status.getDefaultInstance();
  }

  private static Resource resource(int instance) {
    String service = SERVICES.get(instance / INSTANCES);
    String host = service + "-" + (instance % INSTANCES) + ".prod.internal";
    return Resource.newBuilder()
        .addAttributes(kv("service.name", service))
        .addAttributes(kv("service.version", "1." + (instance % 7) + ".0"))
        .addAttributes(kv("service.instance.id", "instance-" + instance))
        .addAttributes(kv("host.name", host))
        .addAttributes(kv("process.pid", 1000 + instance))
        .addAttributes(kv("process.runtime.name", "OpenJDK Runtime Environment"))
        .addAttributes(kv("deployment.environment", "production"))
        .addAttributes(kv("telemetry.sdk.name", "opentelemetry"))
        .addAttributes(kv("telemetry.sdk.language", "java"))
        .addAttributes(kv("telemetry.sdk.version", "1.67.0"))
        .build();
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static KeyValue kv(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  private static KeyValue kv(String key, boolean value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setBoolValue(value))
        .build();
  }

  /** The random source of one trace; its first 16 bytes are the trace id. */
  private static final class TraceRandom {
    final SplittableRandom random;
    final byte[] traceId = new byte[16];
    final ByteString traceIdBytes;

    TraceRandom(SplittableRandom random) {
      this.random = random;
      random.nextBytes(traceId);
      traceIdBytes = ByteString.copyFrom(traceId);
    }

    ByteString spanId() {
      byte[] id = new byte[8];
      random.nextBytes(id);
      return ByteString.copyFrom(id);
    }

    Span.Builder span(ByteString id, ByteString parent, String name, Span.SpanKind kind) {
      return Span.newBuilder()
          .setTraceId(traceIdBytes)
          .setSpanId(id)
          .setParentSpanId(parent)
          .setName(name)
          .setKind(kind);
    }
  }
}
