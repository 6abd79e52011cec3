package dev.meerkat.dashboard.security.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins in a row for one user
 * name, or from one remote address, further attempts for it are refused for a lock period, which
 * doubles with each further lock (up to {@code maxLock}). A successful sign-in clears the user's
 * record; an address's record clears when a lock runs out. Kept in memory: a restart forgets it,
 * which is acceptable for a throttle.
 */
public final class SignInThrottle {

  /** Records kept at most; beyond this, records that are not locked are dropped. */
  static final int MAX_RECORDS = 10_000;

  private final int maxFailures;
  private final Duration firstLock;
  private final Duration maxLock;
  private final Clock clock;
  private final Map<String, Record> records = new HashMap<>();

  public SignInThrottle(int maxFailures, Duration firstLock, Duration maxLock, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
    }
    this.maxFailures = maxFailures;
    this.firstLock = firstLock;
    this.maxLock = maxLock;
    this.clock = clock;
  }

  /** How much longer sign-ins for this user or from this address are refused; empty if not. */
  public synchronized Optional<Duration> lockedFor(String user, String address) {
    Instant now = clock.instant();
    Duration userLock = remaining(userKey(user), now);
    Duration addressLock = remaining(addressKey(address), now);
    Duration longest = userLock.compareTo(addressLock) >= 0 ? userLock : addressLock;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** Counts a failed sign-in for the user name (empty for token requests) and the address. */
  public synchronized void failed(String user, String address) {
    Instant now = clock.instant();
    if (records.size() >= MAX_RECORDS) {
      records.values().removeIf(r -> !r.lockedUntil.isAfter(now));
    }
    if (!user.isEmpty()) {
      count(userKey(user), now);
    }
    count(addressKey(address), now);
  }

  public synchronized void succeeded(String user) {
    records.remove(userKey(user));
  }

  private void count(String key, Instant now) {
    Record record = records.computeIfAbsent(key, k -> new Record());
    record.failures++;
    if (record.failures >= maxFailures) {
      Duration lock = firstLock.multipliedBy(1L << Math.min(record.locks, 20));
      record.lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
      record.failures = 0;
      record.locks++;
    }
  }

  private Duration remaining(String key, Instant now) {
    Record record = records.get(key);
    if (record == null || !record.lockedUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, record.lockedUntil);
  }

  private static String userKey(String user) {
    return "user:" + user;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  private static final class Record {
    int failures;
    int locks;
    Instant lockedUntil = Instant.EPOCH;
  }
}
