package dev.meerkat.dashboard.api;

import java.util.OptionalDouble;

/** JSON has no NaN: a quantile or ratio that does not exist is {@code null}. */
final class Numbers {

  private Numbers() {}

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  static Double finite(OptionalDouble value) {
    return value.isPresent() ? finite(value.getAsDouble()) : null;
  }
}
