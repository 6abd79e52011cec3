package dev.meerkat.agent.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls with a deadline instead of sleeping for a guessed time. */
public final class Poll {
  private Poll() {}

  public static <T> T until(
      Duration timeout, Supplier<T> value, Predicate<T> done, Supplier<String> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T current = value.get();
      if (done.test(current)) {
        return current;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + ": " + failure.get());
      }
      try {
        Thread.sleep(50); // poll interval, not a wait for a guessed duration
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
