package dev.meerkat.collector.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.meerkat.collector.receiver.OtlpSpanMapping;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * CPU per span of the two trace decoding paths, for a machine too busy for JMH's wall-clock times:
 * the same export of 1,000 corpus spans as {@link OtlpSpanDecodeBenchmark}, decoded in interleaved
 * rounds, each read as this thread's CPU time (what the decoding itself costs) and the process's
 * (with the GC and JIT threads the garbage and compilation cost), and this thread's allocated
 * bytes. Prints the median and range per span over the measured rounds.
 *
 * <p>{@code java -cp meerkat-collector-benchmarks.jar dev.meerkat.collector.benchmarks.DecodeCpu
 * [rounds] [exports per round] [direct|generated]}
 */
public final class DecodeCpu {

  private interface Decoding {
    int spans(byte[] body) throws InvalidProtocolBufferException;
  }

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private DecodeCpu() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int exports = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int warmup = 5;
    // "direct" or "generated": only that path (for a per-process counter such as perf stat's).
    String only = args.length > 2 ? args[2] : "";
    byte[] body =
        SpanCorpus.create(6, CorpusWriter.START_EPOCH_NANOS, 10_000_000L)
            .request(0, OtlpSpanDecodeBenchmark.SPANS / SpanCorpus.SPANS_PER_TRACE)
            .toByteArray();
    String[] names = {"direct (OtlpTraceDecoder)", "generated: parseFrom + OtlpSpanMapper"};
    Decoding[] decodings = {
      bytes -> OtlpSpanMapping.decode(bytes).size(),
      bytes -> OtlpSpanMapping.map(ExportTraceServiceRequest.parseFrom(bytes)).size()
    };
    double[][][] perSpan = new double[decodings.length][3][rounds];
    long thread = Thread.currentThread().threadId();
    for (int round = 0; round < warmup + rounds; round++) {
      for (int d = 0; d < decodings.length; d++) {
        if (!only.isEmpty() && !names[d].startsWith(only)) {
          continue;
        }
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long process0 = PROCESS.getProcessCpuTime();
        long bytes0 = THREADS.getThreadAllocatedBytes(thread);
        long spans = 0;
        for (int i = 0; i < exports; i++) {
          spans += decodings[d].spans(body);
        }
        if (round >= warmup) {
          int r = round - warmup;
          perSpan[d][0][r] = (THREADS.getCurrentThreadCpuTime() - cpu0) / (double) spans;
          perSpan[d][1][r] = (PROCESS.getProcessCpuTime() - process0) / (double) spans;
          perSpan[d][2][r] = (THREADS.getThreadAllocatedBytes(thread) - bytes0) / (double) spans;
        }
      }
    }
    System.out.printf(
        "| decoding | thread CPU ns/span | process CPU ns/span | allocated B/span |%n"
            + "|---|---|---|---|%n");
    for (int d = 0; d < decodings.length; d++) {
      if (!only.isEmpty() && !names[d].startsWith(only)) {
        continue;
      }
      System.out.printf(
          "| %s | %s | %s | %s |%n",
          names[d], summary(perSpan[d][0]), summary(perSpan[d][1]), summary(perSpan[d][2]));
    }
  }

  private static String summary(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(
        "%.0f (%.0f-%.0f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
  }
}
