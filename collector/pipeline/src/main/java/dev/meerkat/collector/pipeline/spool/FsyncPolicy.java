package dev.meerkat.collector.pipeline.spool;

/** When the spool forces appended records to disk, and so what an acknowledgement survives. */
public enum FsyncPolicy {
  /**
   * Every acknowledged record has been fsynced (group commit: concurrent appends share one fsync).
   * Survives a process kill and a machine crash.
   */
  ALWAYS,
  /**
   * Records are acknowledged once written to the file (the OS page cache) and fsynced every
   * interval: survives a process kill, may lose up to one interval of acknowledged data when the
   * machine itself crashes.
   */
  INTERVAL
}
