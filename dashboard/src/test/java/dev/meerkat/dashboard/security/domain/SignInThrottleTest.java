package dev.meerkat.dashboard.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final TestClock clock = new TestClock(T0);
  private final SignInThrottle throttle =
      new SignInThrottle(5, Duration.ofMinutes(1), Duration.ofMinutes(15), clock);

  @Test
  void locksAUserAfterFiveFailuresForOneMinute() {
    for (int i = 1; i <= 4; i++) {
      throttle.failed("alice", "10.0.0." + i);
      assertThat(throttle.lockedFor("alice", "10.0.0.9")).as("after %d", i).isEmpty();
    }
    throttle.failed("alice", "10.0.0.5");

    assertThat(throttle.lockedFor("alice", "10.0.0.9")).contains(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor("bob", "10.0.0.9")).isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(throttle.lockedFor("alice", "10.0.0.9")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
  }

  @Test
  void locksAnAddressThatGuessesManyUsers() {
    for (String user : new String[] {"a", "b", "c", "d", "e"}) {
      throttle.failed(user, "192.0.2.7");
    }

    assertThat(throttle.lockedFor("f", "192.0.2.7")).contains(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor("f", "192.0.2.8")).isEmpty();
  }

  @Test
  void eachFurtherLockDoublesUpToTheMaximum() {
    Duration[] expected = minutes(1, 2, 4, 8, 15, 15);
    for (Duration lock : expected) {
      fail5("alice");
      assertThat(throttle.lockedFor("alice", "x")).contains(lock);
      clock.advance(lock);
      assertThat(throttle.lockedFor("alice", "x")).isEmpty();
    }
  }

  @Test
  void successClearsTheUsersCount() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("alice", "10.0.0.1");
    }
    throttle.succeeded("alice");
    throttle.failed("alice", "10.0.0.2");

    assertThat(throttle.lockedFor("alice", "10.0.0.2")).isEqualTo(Optional.empty());
  }

  @Test
  void tokenFailuresCountForTheAddressOnly() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("", "10.0.0.1");
    }

    assertThat(throttle.lockedFor("", "10.0.0.1")).contains(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor("", "10.0.0.2")).isEmpty();
  }

  private void fail5(String user) {
    for (int i = 0; i < 5; i++) {
      throttle.failed(user, "addr-" + clock.instant() + "-" + i);
    }
  }

  private static Duration[] minutes(long... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofMinutes(values[i]);
    }
    return durations;
  }
}
