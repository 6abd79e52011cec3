import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;

/**
 * Posts one OTLP/HTTP export of N server spans to a collector and prints how long the collector
 * took to accept it. Run with the collector jar on the class path (it holds the OTLP classes):
 *
 * <pre>
 * java -cp collector/server/target/meerkat-collector.jar deploy/bench/OtlpPostBench.java \
 *     http://127.0.0.1:4318/v1/traces 100000
 * </pre>
 *
 * Then count the rows in ClickHouse to see when they were all written.
 */
public class OtlpPostBench {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int spans = Integer.parseInt(args[1]);
    Random random = new Random(1);
    long startNanos = System.currentTimeMillis() * 1_000_000L;
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      byte[] traceId = new byte[16];
      byte[] spanId = new byte[8];
      random.nextBytes(traceId);
      random.nextBytes(spanId);
      scope.addSpans(
          Span.newBuilder()
              .setTraceId(ByteString.copyFrom(traceId))
              .setSpanId(ByteString.copyFrom(spanId))
              .setName("GET /owners/{id}")
              .setKind(Span.SpanKind.SPAN_KIND_SERVER)
              .setStartTimeUnixNano(startNanos + i)
              .setEndTimeUnixNano(startNanos + i + random.nextInt(50_000_000))
              .addAttributes(attribute("http.request.method", "GET"))
              .addAttributes(attribute("http.route", "/owners/{id}")));
    }
    byte[] body =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "bench")))
                    .addScopeSpans(scope))
            .build()
            .toByteArray();
    HttpClient client = HttpClient.newHttpClient();
    long start = System.nanoTime();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    System.out.printf(
        "POST %d spans (%d bytes): HTTP %d in %d ms%n",
        spans, body.length, response.statusCode(), (System.nanoTime() - start) / 1_000_000);
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }
}
