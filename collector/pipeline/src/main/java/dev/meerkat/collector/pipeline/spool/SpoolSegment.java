package dev.meerkat.collector.pipeline.spool;

import java.nio.file.Path;

/** One segment file, as the spool tracks it (guarded by the spool's lock). */
final class SpoolSegment {

  final long firstSeq;
  final Path path;
  long bytes;
  long records;

  SpoolSegment(long firstSeq, Path path, long bytes, long records) {
    this.firstSeq = firstSeq;
    this.path = path;
    this.bytes = bytes;
    this.records = records;
  }

  /** The sequence number after its last record. */
  long endSeq() {
    return firstSeq + records;
  }
}
