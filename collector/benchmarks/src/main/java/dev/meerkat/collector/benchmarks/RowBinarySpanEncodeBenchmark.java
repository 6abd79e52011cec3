package dev.meerkat.collector.benchmarks;

import dev.meerkat.collector.receiver.OtlpSpanMapping;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.clickhouse.RowBinaryOutputAccess;
import dev.meerkat.store.clickhouse.write.SpanRowEncoding;
import dev.meerkat.store.model.SpanRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The span writer's work per batch of 1,000 corpus spans: encode them to RowBinary exactly as
 * {@code ClickHouseSpanWriter} does, into a stream that only counts bytes (the network is not
 * measured). Results are per span; {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per span.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RowBinarySpanEncodeBenchmark {

  private List<SpanRecord> spans;

  @Setup
  public void setUp() {
    spans =
        OtlpSpanMapping.map(
            SpanCorpus.create(6, CorpusWriter.START_EPOCH_NANOS, 10_000_000L)
                .request(0, OtlpSpanDecodeBenchmark.SPANS / SpanCorpus.SPANS_PER_TRACE));
  }

  @Benchmark
  @OperationsPerInvocation(OtlpSpanDecodeBenchmark.SPANS)
  public void encode(Blackhole blackhole) throws IOException {
    CountingStream sink = new CountingStream();
    RowBinaryOutput out = RowBinaryOutputAccess.over(sink);
    for (int i = 0; i < spans.size(); i++) {
      SpanRowEncoding.write(out, spans.get(i));
    }
    RowBinaryOutputAccess.flush(out);
    blackhole.consume(sink.bytes);
  }

  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
