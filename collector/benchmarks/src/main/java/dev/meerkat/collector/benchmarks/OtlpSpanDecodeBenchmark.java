package dev.meerkat.collector.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meerkat.collector.receiver.OtlpSpanMapping;
import dev.meerkat.store.model.SpanRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
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

/**
 * The receiver's work per OTLP trace export of 1,000 corpus spans: {@link #decodeDirect}, the
 * receivers' protobuf path (bytes straight to span records, {@code OtlpTraceDecoder}); for
 * comparison the generated path the JSON receiver still takes, protobuf-java's {@code parseFrom}
 * alone ({@link #decode}) and with the mapping to span records ({@link #decodeAndMap}, {@code
 * OtlpSpanMapper}). Results are per span ({@code @OperationsPerInvocation}), so {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is the bytes allocated per span.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OtlpSpanDecodeBenchmark {

  static final int SPANS = 1_000;

  private byte[] body;

  @Setup
  public void setUp() {
    body =
        SpanCorpus.create(6, CorpusWriter.START_EPOCH_NANOS, 10_000_000L)
            .request(0, SPANS / SpanCorpus.SPANS_PER_TRACE)
            .toByteArray();
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public ExportTraceServiceRequest decode() throws InvalidProtocolBufferException {
    return ExportTraceServiceRequest.parseFrom(body);
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public List<SpanRecord> decodeDirect() throws InvalidProtocolBufferException {
    return OtlpSpanMapping.decode(body);
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public List<SpanRecord> decodeAndMap() throws InvalidProtocolBufferException {
    return OtlpSpanMapping.map(ExportTraceServiceRequest.parseFrom(body));
  }
}
