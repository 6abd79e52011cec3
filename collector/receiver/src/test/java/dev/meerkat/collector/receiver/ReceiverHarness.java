package dev.meerkat.collector.receiver;

import com.linecorp.armeria.server.Server;
import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.collector.pipeline.PipelineSettings;
import dev.meerkat.collector.pipeline.SpoolSettings;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.write.SpanWriter;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The receivers as the collector runs them: a real Armeria OTLP/HTTP server and a real OTLP/gRPC
 * server on 127.0.0.1, over real batch processors whose writers collect the records in lists.
 */
final class ReceiverHarness implements AutoCloseable {

  // Bounds one request, so a hang fails the test instead of blocking it.
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  final List<SpanRecord> spans = Collections.synchronizedList(new ArrayList<>());
  final List<MetricPointRecord> points = Collections.synchronizedList(new ArrayList<>());
  final BatchSpanProcessor spanProcessor;
  final BatchRecordProcessor<MetricPointRecord> metricProcessor;
  final OtlpHttpSpanReceiver httpSpans;
  final OtlpHttpMetricReceiver httpMetrics;
  final OtlpGrpcSpanService grpcSpans;
  final OtlpGrpcMetricService grpcMetrics;
  private final Server http;
  private final OtlpGrpcServer grpc;
  private final ManagedChannel channel;
  private final HttpClient client = HttpClient.newHttpClient();

  private ReceiverHarness(PipelineSettings settings, int maxBytes, SpanWriter spanWriter) {
    this(settings, maxBytes, spanWriter, null, null);
  }

  private ReceiverHarness(
      PipelineSettings settings,
      int maxBytes,
      SpanWriter spanWriter,
      IngestGate httpGate,
      IngestGate grpcGate) {
    spanProcessor =
        BatchSpanProcessor.create(
            spanWriter == null ? batch -> spans.addAll(batch.items()) : spanWriter,
            settings,
            // No spool: an answer comes after the write, as the receivers' tests expect.
            SpoolSettings.disabled(),
            List.of(),
            (items, nanos, success) -> {});
    metricProcessor =
        BatchRecordProcessor.metricPoints(
            batch -> points.addAll(batch.items()),
            settings,
            SpoolSettings.disabled(),
            (items, nanos, success) -> {});
    // The collector's default limits, one limiter per signal as the collector wires them.
    IngestLimiter spanLimiter = IngestLimiter.create(IngestLimits.defaults());
    IngestLimiter pointLimiter = IngestLimiter.create(IngestLimits.defaults());
    httpSpans = OtlpHttpSpanReceiver.create(spanProcessor, maxBytes, spanLimiter);
    httpMetrics = OtlpHttpMetricReceiver.create(metricProcessor, maxBytes, pointLimiter);
    grpcSpans = OtlpGrpcSpanService.create(spanProcessor, spanLimiter);
    grpcMetrics = OtlpGrpcMetricService.create(metricProcessor, pointLimiter);
    var httpBuilder =
        Server.builder()
            .http(new InetSocketAddress("127.0.0.1", 0))
            .maxRequestLength(maxBytes)
            .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
            .service(OtlpHttpSpanReceiver.PATH, httpSpans)
            .service(OtlpHttpMetricReceiver.PATH, httpMetrics);
    if (httpGate != null) {
      httpBuilder.decorator(OtlpHttpIngestGate.create(httpGate));
    }
    http = httpBuilder.build();
    http.start().join();
    grpc =
        OtlpGrpcServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            InsecureServerCredentials.create(),
            maxBytes,
            List.of(grpcSpans, grpcMetrics),
            grpcGate == null ? List.of() : List.of(OtlpGrpcIngestGate.create(grpcGate)));
    channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", grpc.port(), InsecureChannelCredentials.create())
            .maxInboundMessageSize(maxBytes)
            .build();
  }

  static ReceiverHarness start() {
    return start(PipelineSettings.defaults().withFlushInterval(Duration.ofMillis(10)), 1 << 20);
  }

  static ReceiverHarness start(PipelineSettings settings, int maxBytes) {
    return new ReceiverHarness(settings, maxBytes, null);
  }

  static ReceiverHarness start(PipelineSettings settings, int maxBytes, SpanWriter spanWriter) {
    return new ReceiverHarness(settings, maxBytes, spanWriter);
  }

  /** The receivers behind the ingest gates, as the collector wires them when they are enabled. */
  static ReceiverHarness startGated(IngestGate httpGate, IngestGate grpcGate) {
    return new ReceiverHarness(
        PipelineSettings.defaults().withFlushInterval(Duration.ofMillis(10)),
        1 << 20,
        null,
        httpGate,
        grpcGate);
  }

  ManagedChannel channel() {
    return channel;
  }

  HttpResponse<byte[]> post(String path, String contentType, boolean gzip, byte[] body)
      throws IOException, InterruptedException {
    return post(path, contentType, gzip, body, Map.of());
  }

  HttpResponse<byte[]> post(
      String path, String contentType, boolean gzip, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.activeLocalPort() + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(body) : body));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Polls until {@code records} holds {@code count} items (or a deadline passes), then a copy. */
  static <T> List<T> await(List<T> records, int count) {
    return await(() -> records.size() >= count, () -> List.copyOf(records));
  }

  static <T> T await(Supplier<Boolean> condition, Supplier<T> result) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.get() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return result.get();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    grpc.close();
    // Not joined: Armeria's acceptor event loop stops after a 2 s quiet period, and no test needs
    // to wait for it (every request has been answered, the port is an ephemeral one).
    http.stop();
    spanProcessor.shutdown(Duration.ofSeconds(10));
    metricProcessor.shutdown(Duration.ofSeconds(10));
  }
}
