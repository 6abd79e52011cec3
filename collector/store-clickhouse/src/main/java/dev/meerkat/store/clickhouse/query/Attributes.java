package dev.meerkat.store.clickhouse.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the stored parallel key and value arrays back into maps. */
final class Attributes {

  private Attributes() {}

  /** Keys and values paired in order; a repeated key keeps its last value. */
  static Map<String, String> zip(List<String> keys, List<String> values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }
}
