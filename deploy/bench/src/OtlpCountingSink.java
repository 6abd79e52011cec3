import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * The OTLP/HTTP sink both agents export to: answers 200 to /v1/traces, /v1/metrics and /v1/logs,
 * and counts the spans it receives by walking the protobuf wire format (ExportTraceServiceRequest
 * -> resource_spans (1) -> scope_spans (2) -> spans (2)). {@code GET /count} returns the total.
 */
public final class OtlpCountingSink {
  private static final AtomicLong SPANS = new AtomicLong();

  private OtlpCountingSink() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/v1/traces", e -> ok(e, countSpans(body(e))));
    server.createContext("/v1/metrics", e -> ok(e, body(e).length * 0L));
    server.createContext("/v1/logs", e -> ok(e, body(e).length * 0L));
    server.createContext(
        "/count",
        e -> {
          byte[] text = (SPANS.get() + "\n").getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(200, text.length);
          try (OutputStream out = e.getResponseBody()) {
            out.write(text);
          }
        });
    server.start();
    System.out.println("READY " + port);
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if ("gzip".equalsIgnoreCase(encoding)) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in) {
      return body.readAllBytes();
    }
  }

  private static void ok(HttpExchange exchange, long spans) throws IOException {
    SPANS.addAndGet(spans);
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  private static long countSpans(byte[] request) {
    long spans = 0;
    for (int[] resource : fields(request, 0, request.length, 1)) {
      for (int[] scope : fields(request, resource[0], resource[1], 2)) {
        spans += fields(request, scope[0], scope[1], 2).size();
      }
    }
    return spans;
  }

  /** [start, end) of every length-delimited field {@code number} in buf[from, to). */
  private static java.util.List<int[]> fields(byte[] buf, int from, int to, int number) {
    java.util.List<int[]> found = new java.util.ArrayList<>();
    int[] pos = {from};
    while (pos[0] < to) {
      long key = varint(buf, pos);
      int field = (int) (key >>> 3);
      int type = (int) (key & 7);
      switch (type) {
        case 0 -> varint(buf, pos);
        case 1 -> pos[0] += 8;
        case 5 -> pos[0] += 4;
        case 2 -> {
          int length = (int) varint(buf, pos);
          if (field == number) {
            found.add(new int[] {pos[0], pos[0] + length});
          }
          pos[0] += length;
        }
        default -> throw new IllegalArgumentException("wire type " + type);
      }
    }
    return found;
  }

  private static long varint(byte[] buf, int[] pos) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = buf[pos[0]++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }
}
