package dev.meerkat.collector;

import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends OTLP/HTTP span requests from several threads, each request with its own span ids, and
 * remembers each request's outcome: acknowledged (200), refused (503, nothing taken), or unknown
 * (the connection broke: the collector may or may not have taken it). Bounded: every thread stops
 * after {@code maxRequests} requests or when told to.
 */
final class SpanLoad {

  /** One request: its id prefix ({@code %02x%06x}) and span count. */
  record Request(String prefix, int spans) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int spansPerRequest;
  private final int maxRequests;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong acknowledgedSpans = new AtomicLong();
  private final List<Request> acknowledged = new ArrayList<>();
  private final List<Request> unknown = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile int port;

  SpanLoad(int spansPerRequest, int maxRequests) {
    this.spansPerRequest = spansPerRequest;
    this.maxRequests = maxRequests;
  }

  void start(int threadCount, int targetPort) {
    this.port = targetPort;
    for (int t = 0; t < threadCount; t++) {
      int thread = t;
      threads.add(Thread.ofPlatform().name("span-load-" + t).start(() -> send(thread)));
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
      Span[] spans = new Span[spansPerRequest];
      for (int i = 0; i < spansPerRequest; i++) {
        spans[i] =
            OtlpRequests.span(
                    prefix + String.format("%08x", i), "op", Span.SpanKind.SPAN_KIND_SERVER, 3)
                .build();
      }
      byte[] body = OtlpRequests.traces("load", spans).toByteArray();
      Request sent = new Request(prefix, spansPerRequest);
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
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

  private synchronized void record(Request request, boolean ok) {
    if (ok) {
      acknowledged.add(request);
      acknowledgedSpans.addAndGet(request.spans());
    } else {
      unknown.add(request);
    }
  }
}
