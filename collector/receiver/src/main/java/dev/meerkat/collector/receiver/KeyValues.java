package dev.meerkat.collector.receiver;

import java.util.List;

/** Attributes flattened to parallel key and value lists, as the store keeps them. */
record KeyValues(List<String> keys, List<String> values) {

  static final KeyValues EMPTY = new KeyValues(List.of(), List.of());
}
