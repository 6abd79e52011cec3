package dev.meerkat.dashboard.api;

/** A query parameter or path variable the API cannot use: answered with 400 and this message. */
final class BadParameterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the parameter as the caller spelled it
   * @param expected what a valid value looks like
   * @param actual the value given
   */
  BadParameterException(String name, String expected, String actual) {
    super("parameter '" + name + "' must be " + expected + ", was '" + actual + "'");
  }

  /** A problem that is not about one value, e.g. two parameters that exclude each other. */
  BadParameterException(String message) {
    super(message);
  }
}
