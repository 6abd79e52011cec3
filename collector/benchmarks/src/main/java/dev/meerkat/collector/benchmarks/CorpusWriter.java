package dev.meerkat.collector.benchmarks;

import dev.meerkat.collector.receiver.OtlpSpanMapping;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.clickhouse.RowBinaryOutputAccess;
import dev.meerkat.store.clickhouse.write.SpanRowEncoding;
import dev.meerkat.store.model.SpanRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the ingest corpus once, so that replaying it costs no generation CPU: {@code requests.bin}
 * holds ExportTraceServiceRequests of 1,000 spans, each prefixed by its length as a big-endian int;
 * {@code rows.rowbinary} holds the same spans as the collector's writer encodes them (mapped by the
 * receiver's mapper, encoded by the writer's row encoding) for the raw insert; {@code columns.txt}
 * names the columns of those rows.
 *
 * <p>Usage: {@code CorpusWriter <dir> [spans=1000000] [seed=6]}, or {@code CorpusWriter --columns}
 * to print the columns the current writer encodes.
 */
public final class CorpusWriter {

  static final int TRACES_PER_REQUEST = 100;

  /** 2026-11-29T00:00:00Z: a fixed day, so a corpus is byte-for-byte the same on every run. */
  static final long START_EPOCH_NANOS = 1_764_374_400L * 1_000_000_000L;

  private CorpusWriter() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("--columns")) {
      // The harness compares this with a stored corpus's columns.txt: the writer's columns change.
      System.out.println(columns());
      return;
    }
    Path dir = Path.of(args[0]);
    long spans = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 6;
    long traces = spans / SpanCorpus.SPANS_PER_TRACE;
    Files.createDirectories(dir);
    // One trace every 10 ms: a million spans cover 1,000 s of one day (one partition).
    SpanCorpus corpus = SpanCorpus.create(seed, START_EPOCH_NANOS, 10_000_000L);
    long requestBytes = 0;
    long written = 0;
    try (DataOutputStream requests = open(dir.resolve("requests.bin"));
        OutputStream rowStream = open(dir.resolve("rows.rowbinary"))) {
      RowBinaryOutput rows = RowBinaryOutputAccess.over(rowStream);
      for (long first = 0; first < traces; first += TRACES_PER_REQUEST) {
        int count = (int) Math.min(TRACES_PER_REQUEST, traces - first);
        ExportTraceServiceRequest request = corpus.request(first, count);
        byte[] bytes = request.toByteArray();
        requests.writeInt(bytes.length);
        requests.write(bytes);
        requestBytes += bytes.length;
        List<SpanRecord> records = OtlpSpanMapping.map(request);
        for (SpanRecord record : records) {
          SpanRowEncoding.write(rows, record);
        }
        written += records.size();
      }
      RowBinaryOutputAccess.flush(rows);
    }
    Files.writeString(dir.resolve("columns.txt"), columns() + "\n");
    System.out.printf(
        "corpus: %d spans, %d requests, %d protobuf bytes (%d per span), %d RowBinary bytes%n",
        written,
        (traces + TRACES_PER_REQUEST - 1) / TRACES_PER_REQUEST,
        requestBytes,
        requestBytes / Math.max(written, 1),
        Files.size(dir.resolve("rows.rowbinary")));
  }

  private static String columns() {
    return String.join(", ", SpanRowEncoding.columns());
  }

  private static DataOutputStream open(Path file) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
  }
}
