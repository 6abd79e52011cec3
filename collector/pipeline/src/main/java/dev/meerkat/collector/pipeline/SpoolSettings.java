package dev.meerkat.collector.pipeline;

import dev.meerkat.collector.pipeline.codec.RecordCodec;
import dev.meerkat.collector.pipeline.spool.FsyncPolicy;
import dev.meerkat.collector.pipeline.spool.Spool;
import dev.meerkat.collector.pipeline.spool.SpoolOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The write-ahead spool of every signal: {@code <directory>/<signal>/}.
 *
 * @param enabled false to acknowledge only after the ClickHouse insert instead (no spool)
 * @param directory parent of the per-signal spool directories ({@code <data dir>/spool})
 * @param maxBytes bound of each signal's spool; appends beyond are refused (503)
 * @param segmentBytes size at which a new segment file starts
 * @param fsync {@link FsyncPolicy#ALWAYS} (default) or {@link FsyncPolicy#INTERVAL}
 * @param fsyncInterval how often {@link FsyncPolicy#INTERVAL} forces the files to disk
 */
public record SpoolSettings(
    boolean enabled,
    Path directory,
    long maxBytes,
    long segmentBytes,
    FsyncPolicy fsync,
    Duration fsyncInterval) {

  public static final long DEFAULT_MAX_BYTES = 1L << 30;
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** A spool under {@code directory} with 1 GiB per signal, 64 MiB segments, fsync always. */
  public static SpoolSettings under(Path directory) {
    return new SpoolSettings(
        true,
        directory,
        DEFAULT_MAX_BYTES,
        DEFAULT_SEGMENT_BYTES,
        FsyncPolicy.ALWAYS,
        Duration.ofMillis(100));
  }

  /** No spool: acknowledge after the insert. */
  public static SpoolSettings disabled() {
    return new SpoolSettings(
        false,
        Path.of("unused"),
        DEFAULT_MAX_BYTES,
        DEFAULT_SEGMENT_BYTES,
        FsyncPolicy.ALWAYS,
        Duration.ofMillis(100));
  }

  public SpoolSettings withMaxBytes(long bytes) {
    return new SpoolSettings(
        enabled, directory, bytes, Math.min(segmentBytes, bytes), fsync, fsyncInterval);
  }

  public SpoolSettings withFsync(FsyncPolicy policy, Duration interval) {
    return new SpoolSettings(enabled, directory, maxBytes, segmentBytes, policy, interval);
  }

  /**
   * The journal of {@code signal}: its spool (keeping up to {@code capacity} recent items decoded
   * in memory), or memory alone bounded by {@code capacity} items.
   */
  <T> Journal<T> journal(String signal, RecordCodec<T> codec, int capacity) {
    if (!enabled) {
      return new MemoryJournal<>(capacity);
    }
    Spool spool =
        Spool.open(
            directory.resolve(signal),
            new SpoolOptions(maxBytes, segmentBytes, fsync, fsyncInterval));
    return new SpoolJournal<>(spool, codec, capacity);
  }
}
