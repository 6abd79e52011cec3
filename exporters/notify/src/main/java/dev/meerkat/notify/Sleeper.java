package dev.meerkat.notify;

import java.time.Duration;

/** Waits between delivery attempts; replaced in tests so they never wait on the wall clock. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return duration -> Thread.sleep(duration);
  }
}
