package dev.meerkat.collector.pipeline;

/** Told about every write attempt, for latency metrics. Must be cheap and must not throw. */
@FunctionalInterface
public interface WriteObserver {

  WriteObserver NONE = (items, nanos, success) -> {};

  void onWrite(int items, long nanos, boolean success);
}
