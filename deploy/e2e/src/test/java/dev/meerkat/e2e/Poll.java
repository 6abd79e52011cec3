package dev.meerkat.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds or a deadline passes; tests never sleep to wait. */
final class Poll {
  private Poll() {}

  static <T> T until(Duration timeout, String what, Supplier<T> attempt)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = attempt.get();
        if (value != null) {
          return value;
        }
      } catch (RuntimeException | AssertionError e) {
        last = e;
      }
      Thread.sleep(200);
    }
    AssertionError failure =
        new AssertionError("timed out after " + timeout + " waiting for " + what);
    if (last != null) {
      failure.initCause(last);
    }
    throw failure;
  }
}
