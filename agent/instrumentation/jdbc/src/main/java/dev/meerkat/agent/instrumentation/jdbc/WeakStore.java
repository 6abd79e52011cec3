package dev.meerkat.agent.instrumentation.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * State attached to JDBC objects the application owns (class format changes are off, so no field
 * can be added): weak keys, so a statement or connection that is garbage still goes. Sixteen
 * independently locked maps, picked by identity hash, so threads rarely wait for each other.
 */
final class WeakStore<K, V> {
  private static final int STRIPES = 16;

  private final List<Map<K, V>> maps = new ArrayList<>(STRIPES);

  WeakStore() {
    for (int i = 0; i < STRIPES; i++) {
      maps.add(new WeakHashMap<K, V>());
    }
  }

  V get(K key) {
    Map<K, V> map = map(key);
    synchronized (map) {
      return map.get(key);
    }
  }

  void put(K key, V value) {
    Map<K, V> map = map(key);
    synchronized (map) {
      map.put(key, value);
    }
  }

  private Map<K, V> map(K key) {
    return maps.get(System.identityHashCode(key) & (STRIPES - 1));
  }
}
