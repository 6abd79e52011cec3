package dev.meerkat.agent.instrumentation.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of pure functions of a string (a sanitized query, a parsed URL). Applications repeat the
 * same few hundred statements; one that builds SQL with inlined values would grow the map without
 * end, so it is emptied when full. Lock-free reads.
 */
final class BoundedCache<V> {
  private final ConcurrentHashMap<String, V> map = new ConcurrentHashMap<>();
  private final int limit;

  BoundedCache(int limit) {
    this.limit = limit;
  }

  V get(String key) {
    return map.get(key);
  }

  void put(String key, V value) {
    if (map.size() >= limit) {
      map.clear();
    }
    map.put(key, value);
  }
}
