package dev.meerkat.collector.receiver;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array the decoder filled and never touches again: {@code List.of}
 * would copy the array, and this is allocated for every span.
 */
final class FrozenStringList extends AbstractList<String> implements RandomAccess {

  private final String[] elements;

  FrozenStringList(String[] elements) {
    this.elements = elements;
  }

  @Override
  public String get(int index) {
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }
}
