package dev.meerkat.collector.pipeline.spool;

import java.time.Duration;

/**
 * Bounds and fsync policy of one signal's spool.
 *
 * @param maxBytes most bytes all its segment files may hold; appends beyond are refused
 * @param segmentBytes size at which a new segment file starts
 * @param fsync when appends are forced to disk
 * @param fsyncInterval how often {@link FsyncPolicy#INTERVAL} forces
 */
public record SpoolOptions(
    long maxBytes, long segmentBytes, FsyncPolicy fsync, Duration fsyncInterval) {

  public SpoolOptions {
    if (maxBytes < 1024 || segmentBytes < 1024) {
      throw new IllegalArgumentException(
          "spool maxBytes and segmentBytes must be at least 1024: "
              + maxBytes
              + ", "
              + segmentBytes);
    }
  }
}
