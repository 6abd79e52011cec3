package dev.meerkat.store.query;

/**
 * Sample-weighted counts of the requests (SERVER and CONSUMER spans) a service handled.
 *
 * @param total all requests
 * @param errors requests with status ERROR
 */
public record RequestCounts(double total, double errors) {

  public static final RequestCounts NONE = new RequestCounts(0, 0);

  public double good() {
    return total - errors;
  }
}
