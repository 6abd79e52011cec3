package dev.meerkat.agent.instrumentation.executors;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map with weak keys compared by identity: per-object state for JDK objects that
 * cannot get a field (class format changes are off) and may never be looked up again (a cancelled
 * task). Look-ups allocate one small key; cleared keys are expunged on every put.
 */
final class WeakIdentityMap<V> {
  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();

  void put(Object key, V value) {
    expunge();
    map.put(new WeakKey(key, cleared), value);
  }

  V get(Object key) {
    return map.isEmpty() ? null : map.get(new LookupKey(key));
  }

  V remove(Object key) {
    return map.isEmpty() ? null : map.remove(new LookupKey(key));
  }

  int size() {
    expunge();
    return map.size();
  }

  private void expunge() {
    Reference<?> reference;
    while ((reference = cleared.poll()) != null) {
      map.remove(reference);
    }
  }

  /** Stored key: equal to a LookupKey or WeakKey of the same referent. */
  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object referent = get();
      return referent != null && referentOf(other) == referent;
    }
  }

  /** Short-lived key for look-ups: no weak reference to register. */
  private static final class LookupKey {
    private final Object referent;

    LookupKey(Object referent) {
      this.referent = referent;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object other) {
      return referentOf(other) == referent;
    }
  }

  private static Object referentOf(Object key) {
    if (key instanceof LookupKey) {
      return ((LookupKey) key).referent;
    }
    if (key instanceof WeakKey) {
      return ((WeakKey) key).get();
    }
    return null;
  }
}
