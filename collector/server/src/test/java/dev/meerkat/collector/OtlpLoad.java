package dev.meerkat.collector;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends OTLP/HTTP span (or log) requests from several threads, each request with its own span ids
 * (a log carries a span id too), and remembers each request's outcome: acknowledged (200), refused
 * (503, nothing taken), or unknown (the connection broke: the collector may or may not have taken
 * it). Bounded: every thread stops after {@code maxRequests} requests or when told to. Every span
 * has one event and one link, so a replay that lost them shows.
 */
final class OtlpLoad {

  /** One request: its id prefix ({@code %02x%06x}) and item count. */
  record Request(String prefix, int spans) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final boolean logs;
  private final int spansPerRequest;
  private final int maxRequests;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong acknowledgedSpans = new AtomicLong();
  private final List<Request> acknowledged = new ArrayList<>();
  private final List<Request> unknown = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile int port;

  private OtlpLoad(boolean logs, int spansPerRequest, int maxRequests) {
    this.logs = logs;
    this.spansPerRequest = spansPerRequest;
    this.maxRequests = maxRequests;
  }

  /** Span requests to {@code /v1/traces}. */
  static OtlpLoad spans(int spansPerRequest, int maxRequests) {
    return new OtlpLoad(false, spansPerRequest, maxRequests);
  }

  /** Log requests to {@code /v1/logs}, every log correlated with a span id of its own. */
  static OtlpLoad logs(int logsPerRequest, int maxRequests) {
    return new OtlpLoad(true, logsPerRequest, maxRequests);
  }

  void start(int threadCount, int targetPort) {
    this.port = targetPort;
    for (int t = 0; t < threadCount; t++) {
      int thread = t;
      threads.add(
          Thread.ofPlatform()
              .name((logs ? "log-load-" : "span-load-") + t)
              .start(() -> send(thread)));
    }
  }

  /** Points the clients at another port (a restarted collector). */
  void retarget(int targetPort) {
    this.port = targetPort;
  }

  long acknowledgedSpans() {
    return acknowledgedSpans.get();
  }

  void stopAndJoin() throws InterruptedException {
    stop.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  synchronized List<Request> acknowledged() {
    return List.copyOf(acknowledged);
  }

  synchronized List<Request> unknown() {
    return List.copyOf(unknown);
  }

  private void send(int thread) {
    for (int request = 0; request < maxRequests && !stop.get(); request++) {
      String prefix = String.format("%02x%06x", thread, request);
      byte[] body = logs ? logRequest(prefix) : spanRequest(prefix);
      Request sent = new Request(prefix, spansPerRequest);
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + (logs ? "/v1/logs" : "/v1/traces")))
                    .header("Content-Type", "application/x-protobuf")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
          record(sent, true);
        } else if (response.statusCode() != 503) {
          throw new IllegalStateException("unexpected status " + response.statusCode());
        }
      } catch (IOException e) {
        // The collector died (or was not there): it may or may not have taken the request.
        record(sent, false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private byte[] spanRequest(String prefix) {
    Span[] spans = new Span[spansPerRequest];
    for (int i = 0; i < spansPerRequest; i++) {
      spans[i] =
          OtlpRequests.span(
                  prefix + String.format("%08x", i), "op", Span.SpanKind.SPAN_KIND_SERVER, 3)
              .addEvents(
                  Span.Event.newBuilder()
                      .setTimeUnixNano(OtlpRequests.START + 1)
                      .setName("retry")
                      .addAttributes(OtlpRequests.attribute("attempt", 2)))
              .addLinks(
                  Span.Link.newBuilder()
                      .setTraceId(id(OtlpRequests.TRACE_ID))
                      .setSpanId(id("00000000000000f1"))
                      .addAttributes(OtlpRequests.attribute("link.kind", "follows-from")))
              .build();
    }
    return OtlpRequests.traces("load", spans).toByteArray();
  }

  private byte[] logRequest(String prefix) {
    ScopeLogs.Builder scope =
        ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("org.slf4j"));
    for (int i = 0; i < spansPerRequest; i++) {
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setTimeUnixNano(OtlpRequests.START + i)
              .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)
              .setSeverityText("WARN")
              .setBody(AnyValue.newBuilder().setStringValue("payment retried " + prefix + " " + i))
              .setTraceId(id(OtlpRequests.TRACE_ID))
              .setSpanId(id(prefix + String.format("%08x", i)))
              .addAttributes(OtlpRequests.attribute("attempt", 2)));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(OtlpRequests.resource("load"))
                .addScopeLogs(scope))
        .build()
        .toByteArray();
  }

  private static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  private synchronized void record(Request request, boolean ok) {
    if (ok) {
      acknowledged.add(request);
      acknowledgedSpans.addAndGet(request.spans());
    } else {
      unknown.add(request);
    }
  }
}
