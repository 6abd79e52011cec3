package dev.meerkat.collector.benchmarks;

import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.collector.receiver.OtlpSpanMapping;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceMetricsRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseTraceRepository;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceQuery;
import dev.meerkat.store.query.TraceRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Query latency with many spans stored: a private ClickHouse under {@code dataDir} is filled (once;
 * later runs reuse it) with corpus traces spread evenly over the 30 days before now, written
 * through the span writer, then trace-by-id lookups of random stored traces and the services RED
 * query over 1 h, 24 h, 7 d and 30 d and trace searches (first page, with and without a service
 * filter, over 1 h and 24 h) are timed through the read ports ({@link TraceRepository}, {@link
 * ServiceMetricsRepository}), so it measures whatever storage implementation the build holds.
 * Prints a Markdown table of p50/p95/p99/max.
 *
 * <p>Usage: {@code QueryBenchmark <dataDir> [spans=10000000] [lookups=200] [repeats=100]}
 */
public final class QueryBenchmark {

  private static final String DATABASE = "bench_queries";
  private static final int BATCH_SPANS = 50_000;
  private static final Duration RANGE = Duration.ofDays(30);
  private static final long SEED = 6;
  private static final int WARM_UP = 20;

  private QueryBenchmark() {}

  // The only lines that name the implementation: adapt them when the storage wiring changes.
  private static ClickHouseSpanWriter spanWriter(ClickHouseStore store) {
    return ClickHouseSpanWriter.create(store);
  }

  private static TraceRepository traces(ClickHouseStore store) {
    return new ClickHouseTraceRepository(store);
  }

  private static ServiceMetricsRepository serviceMetrics(ClickHouseStore store) {
    return new ClickHouseServiceMetricsRepository(store);
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    long spans = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
    int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    long traceCount = spans / SpanCorpus.SPANS_PER_TRACE;
    try (EmbeddedClickHouse server = EmbeddedClickHouse.start(dataDir, freePort(), freePort());
        ClickHouseStore store =
            ClickHouseStore.connect(ClickHouseConfig.create(server.url()).withDatabase(DATABASE))) {
      SchemaMigrator.create(store).migrate();
      long stored = store.query("SELECT count() AS n FROM spans").getFirst().longValue("n");
      if (stored != spans) {
        if (stored != 0) {
          store.execute("DROP DATABASE IF EXISTS " + DATABASE);
          SchemaMigrator.create(store).migrate();
        }
        populate(store, traceCount);
      }
      long end =
          store
              .query("SELECT toUInt32(max(start_time)) AS last FROM spans")
              .getFirst()
              .longValue("last");
      SpanCorpus corpus = corpus(end - RANGE.toSeconds(), traceCount);
      Instant to = Instant.ofEpochSecond(end).plusSeconds(60).truncatedTo(ChronoUnit.MINUTES);
      System.out.printf(
          "%d spans stored (%d traces over the 30 days before %s), ClickHouse %s%n%n",
          spans, traceCount, to, store.serverVersion());
      System.out.println("| query | runs | p50 ms | p95 ms | p99 ms | max ms |");
      System.out.println("|---|---|---|---|---|---|");
      System.out.println(
          row("trace by id", traceLookups(traces(store), corpus, traceCount, lookups)));
      ServiceMetricsRepository metrics = serviceMetrics(store);
      for (Duration window :
          List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7), RANGE)) {
        System.out.println(
            row("services RED, " + label(window), services(metrics, to, window, repeats)));
      }
      TraceRepository traceSearch = traces(store);
      for (Duration window : List.of(Duration.ofHours(1), Duration.ofHours(24))) {
        System.out.println(
            row(
                "trace search, all services, " + label(window),
                searches(traceSearch, TraceQuery.between(to.minus(window), to), repeats)));
        System.out.println(
            row(
                "trace search, one service, " + label(window),
                searches(
                    traceSearch,
                    TraceQuery.between(to.minus(window), to)
                        .withService(SpanCorpus.SERVICES.getFirst()),
                    repeats)));
      }
    }
  }

  private static SpanCorpus corpus(long startEpochSeconds, long traceCount) {
    return SpanCorpus.create(
        SEED, startEpochSeconds * 1_000_000_000L, RANGE.toNanos() / traceCount);
  }

  private static void populate(ClickHouseStore store, long traceCount) throws Exception {
    long startSeconds = Instant.now().minus(RANGE).getEpochSecond();
    SpanCorpus corpus = corpus(startSeconds, traceCount);
    ClickHouseSpanWriter writer = spanWriter(store);
    ExecutorService writes = Executors.newSingleThreadExecutor();
    long began = System.nanoTime();
    try {
      Future<?> previous = null;
      List<SpanRecord> batch = new ArrayList<>(BATCH_SPANS);
      for (long first = 0; first < traceCount; first += CorpusWriter.TRACES_PER_REQUEST) {
        int count = (int) Math.min(CorpusWriter.TRACES_PER_REQUEST, traceCount - first);
        batch.addAll(OtlpSpanMapping.map(corpus.request(first, count)));
        if (batch.size() >= BATCH_SPANS || first + count >= traceCount) {
          if (previous != null) {
            previous.get();
          }
          List<SpanRecord> full = batch;
          previous = writes.submit(() -> writer.write(full));
          batch = new ArrayList<>(BATCH_SPANS);
        }
        if (first % 100_000 == 0) {
          System.err.printf("populating: %d of %d traces%n", first, traceCount);
        }
      }
      if (previous != null) {
        previous.get();
      }
    } finally {
      writes.shutdown();
    }
    System.err.printf(
        "populated %d traces in %d s%n", traceCount, (System.nanoTime() - began) / 1_000_000_000L);
  }

  private static double[] traceLookups(
      TraceRepository traces, SpanCorpus corpus, long traceCount, int lookups) {
    SplittableRandom random = new SplittableRandom(SEED);
    double[] millis = new double[lookups];
    for (int i = -WARM_UP; i < lookups; i++) {
      String id = corpus.traceIdHex(random.nextLong(traceCount));
      long began = System.nanoTime();
      Optional<List<SpanDetail>> trace = traces.trace(id);
      double elapsed = (System.nanoTime() - began) / 1e6;
      int found = trace.map(List::size).orElse(0);
      if (found != SpanCorpus.SPANS_PER_TRACE) {
        throw new IllegalStateException("trace " + id + " has " + found + " spans, expected 10");
      }
      if (i >= 0) {
        millis[i] = elapsed;
      }
    }
    return millis;
  }

  private static double[] services(
      ServiceMetricsRepository metrics, Instant to, Duration window, int repeats) {
    double[] millis = new double[repeats];
    for (int i = -3; i < repeats; i++) {
      long began = System.nanoTime();
      int services = metrics.services(to.minus(window), to).size();
      double elapsed = (System.nanoTime() - began) / 1e6;
      if (services != SpanCorpus.SERVICES.size()) {
        throw new IllegalStateException(services + " services in " + window + ", expected 10");
      }
      if (i >= 0) {
        millis[i] = elapsed;
      }
    }
    return millis;
  }

  /** A first page of {@link TraceQuery#DEFAULT_LIMIT} traces, which every window here fills. */
  private static double[] searches(TraceRepository traces, TraceQuery query, int repeats) {
    double[] millis = new double[repeats];
    for (int i = -3; i < repeats; i++) {
      long began = System.nanoTime();
      int found = traces.search(query).traces().size();
      double elapsed = (System.nanoTime() - began) / 1e6;
      if (found != TraceQuery.DEFAULT_LIMIT) {
        throw new IllegalStateException(found + " traces found, expected a full page");
      }
      if (i >= 0) {
        millis[i] = elapsed;
      }
    }
    return millis;
  }

  private static String row(String query, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return String.format(
        "| %s | %d | %.1f | %.1f | %.1f | %.1f |",
        query,
        sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  /** Nearest rank. */
  private static double percentile(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String label(Duration window) {
    return window.toHours() > 24 ? window.toDays() + " d" : window.toHours() + " h";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
