package dev.meerkat.collector.receiver;

import java.util.Arrays;
import java.util.List;

/**
 * One list of attribute keys per distinct key sequence in a request: spans of the same kind carry
 * the same keys in the same order, and the keys are interned per request ({@link ByteSliceTable}),
 * so a sequence is recognised by comparing references. Direct-mapped and reused by one decoder; a
 * collision just builds a new list.
 */
final class KeyListCache {

  private static final int SLOTS = 256;

  private final FrozenStringList[] lists = new FrozenStringList[SLOTS];
  private final int[] hashes = new int[SLOTS];

  void clear() {
    Arrays.fill(lists, null);
  }

  /** The first {@code count} of {@code keys} as an unmodifiable list. */
  List<String> list(String[] keys, int count) {
    int hash = count;
    for (int i = 0; i < count; i++) {
      hash = 31 * hash + keys[i].hashCode(); // cached in the (interned) string
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    FrozenStringList cached = lists[slot];
    if (cached != null && hashes[slot] == hash && sameKeys(cached, keys, count)) {
      return cached;
    }
    FrozenStringList list = new FrozenStringList(Arrays.copyOf(keys, count));
    lists[slot] = list;
    hashes[slot] = hash;
    return list;
  }

  private static boolean sameKeys(FrozenStringList list, String[] keys, int count) {
    if (list.size() != count) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (list.get(i) != keys[i]) {
        return false;
      }
    }
    return true;
  }
}
